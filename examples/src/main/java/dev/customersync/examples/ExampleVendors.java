package dev.customersync.examples;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.customersync.billbee.BillbeeClient;
import dev.customersync.bokamera.BokaMeraClient;
import dev.customersync.core.CustomerUpdater;
import dev.customersync.core.json.Json;
import dev.customersync.storm.StormClient;
import dev.customersync.testkit.FakeBillbee;
import dev.customersync.testkit.FakeBokaMera;
import dev.customersync.testkit.FakeStorm;
import dev.customersync.testkit.FakeVendorServer;
import dev.customersync.testkit.RequestJournal;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import okhttp3.OkHttpClient;

/**
 * The vendor clients the examples use: each one talks to the real vendor when its credentials are
 * in the environment, and otherwise to an embedded fake (from {@code sdk-testkit}) started in this
 * JVM and seeded with the sample customers — so every example runs with no account at all.
 *
 * <p>All clients share one {@link OkHttpClient}, as an application should.
 */
public final class ExampleVendors implements AutoCloseable {

  /** BokaMera ids of the sample customers, as in {@code sample-customers.csv}. */
  static final List<UUID> SAMPLE_BOKAMERA_IDS = List.of(
      UUID.fromString("6a3f2c1e-0b4d-4e8a-9c71-2f5d8e9a1b01"),
      UUID.fromString("6a3f2c1e-0b4d-4e8a-9c71-2f5d8e9a1b02"),
      UUID.fromString("6a3f2c1e-0b4d-4e8a-9c71-2f5d8e9a1b03"));
  static final List<Integer> SAMPLE_STORM_IDS = List.of(1001, 1002, 1003);
  static final List<Long> SAMPLE_BILLBEE_IDS = List.of(100000150176895L, 100000150176896L, 100000150176897L);

  private static final String FAKE_PASSWORD = "demo-password";

  private final Map<String, String> env;
  private final PrintStream out;
  private final OkHttpClient http = new OkHttpClient();
  private final ObjectMapper printer = Json.newMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private final List<AutoCloseable> resources = new ArrayList<>();

  private FakeBokaMera fakeBokaMera;
  private FakeStorm fakeStorm;
  private FakeBillbee fakeBillbee;
  private Integer fakeArticleId;
  private final BokaMeraClient bokaMera;
  private final StormClient storm;
  private final BillbeeClient billbee;

  private ExampleVendors(Map<String, String> env, PrintStream out) {
    this.env = env;
    this.out = out;
    this.bokaMera = startBokaMera();
    this.billbee = startBillbee();
    this.storm = startStorm();
  }

  /** Builds every vendor's client, starting fakes for those without credentials. */
  public static ExampleVendors start(Map<String, String> env, PrintStream out) {
    return new ExampleVendors(env, out);
  }

  public BokaMeraClient bokaMera() {
    return bokaMera;
  }

  public StormClient storm() {
    return storm;
  }

  public BillbeeClient billbee() {
    return billbee;
  }

  /** Every vendor's neutral updater. */
  public List<CustomerUpdater> updaters() {
    return List.of(bokaMera.customerUpdater(), billbee.customerUpdater(), storm.customerUpdater());
  }

  /** Whether {@code vendor} runs against its embedded fake. */
  public boolean usesFake(String vendor) {
    return switch (vendor) {
      case "bokamera" -> fakeBokaMera != null;
      case "storm" -> fakeStorm != null;
      case "billbee" -> fakeBillbee != null;
      default -> throw new IllegalArgumentException(vendor);
    };
  }

  /** The customer QuickStart updates: from {@code <VENDOR>_CUSTOMER_ID}, or the first sample customer. */
  public String quickStartCustomerId(String vendor) {
    String fromEnv = env.get(vendor.toUpperCase(java.util.Locale.ROOT) + "_CUSTOMER_ID");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return fromEnv.trim();
    }
    return switch (vendor) {
      case "bokamera" -> SAMPLE_BOKAMERA_IDS.get(0).toString();
      case "storm" -> SAMPLE_STORM_IDS.get(0).toString();
      case "billbee" -> SAMPLE_BILLBEE_IDS.get(0).toString();
      default -> throw new IllegalArgumentException(vendor);
    };
  }

  /** The BokaMera customer article ActivateArticle changes: {@code BOKAMERA_ARTICLE_ID} or the seeded one. */
  public int articleId() {
    String fromEnv = env.get("BOKAMERA_ARTICLE_ID");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return Integer.parseInt(fromEnv.trim());
    }
    if (fakeArticleId == null) {
      throw new IllegalStateException("set BOKAMERA_ARTICLE_ID to the customer article to activate");
    }
    return fakeArticleId;
  }

  /** The body of the last write the fake received, when the vendor is faked. */
  public Optional<String> lastWriteSent(String vendor) {
    FakeVendorServer fake = switch (vendor) {
      case "bokamera" -> fakeBokaMera;
      case "storm" -> fakeStorm;
      case "billbee" -> fakeBillbee;
      default -> null;
    };
    if (fake == null) {
      return Optional.empty();
    }
    List<RequestJournal.Entry> entries = fake.journal().entries();
    for (int i = entries.size() - 1; i >= 0; i--) {
      RequestJournal.Entry e = entries.get(i);
      if ((e.method().equals("PUT") || e.method().equals("POST")) && !e.path().contains("token")) {
        return Optional.of(e.method() + " " + e.request().getUrl().encodedPath()
            + (e.request().getUrl().encodedQuery() == null ? "" : "?" + e.request().getUrl().encodedQuery())
            + "\n" + pretty(e.body()));
      }
    }
    return Optional.empty();
  }

  /** What {@code vendor} holds for {@code customerId} now, read back through the client, as the vendor's JSON. */
  public String heldByVendor(String vendor, String customerId) {
    Object dto = switch (vendor) {
      case "bokamera" -> bokaMera.getCustomer(UUID.fromString(customerId));
      case "storm" -> storm.getCustomer(Integer.parseInt(customerId));
      case "billbee" -> billbee.getCustomer(Long.parseLong(customerId));
      default -> throw new IllegalArgumentException(vendor);
    };
    try {
      return printer.writeValueAsString(dto);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return String.valueOf(dto);
    }
  }

  /** A line saying where {@code vendor}'s calls go. */
  public String describe(String vendor) {
    return vendor + (usesFake(vendor) ? " (embedded fake, no credentials set)" : " (real API)");
  }

  @Override
  public void close() {
    for (int i = resources.size() - 1; i >= 0; i--) {
      try {
        resources.get(i).close();
      } catch (Exception ignored) {
        // Closing demo resources: nothing to recover.
      }
    }
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  private String pretty(String json) {
    try {
      return printer.writeValueAsString(printer.readTree(json));
    } catch (java.io.IOException e) {
      return json;
    }
  }

  private String env(String name) {
    String v = env.get(name);
    return v == null || v.isBlank() ? null : v.trim();
  }

  private BokaMeraClient startBokaMera() {
    BokaMeraClient.Builder b = BokaMeraClient.builder().okHttpClient(http);
    if (env("BOKAMERA_API_KEY") != null) {
      b.apiKey(env("BOKAMERA_API_KEY"));
      if (env("BOKAMERA_BASE_URL") != null) {
        b.baseUrl(env("BOKAMERA_BASE_URL"));
      }
      if (env("BOKAMERA_TOKEN_URL") != null) {
        b.tokenUrl(env("BOKAMERA_TOKEN_URL"));
      }
      if (env("BOKAMERA_ACCESS_TOKEN") != null) {
        b.accessToken(env("BOKAMERA_ACCESS_TOKEN"));
      } else {
        b.login(require("BOKAMERA_USERNAME"), require("BOKAMERA_PASSWORD"));
      }
    } else {
      fakeBokaMera = new FakeBokaMera();
      fakeBokaMera.start();
      resources.add(fakeBokaMera);
      fakeBokaMera.addUser("demo@example.com", FAKE_PASSWORD);
      seedBokaMera(fakeBokaMera);
      b.baseUrl(fakeBokaMera.baseUrl()).tokenUrl(fakeBokaMera.tokenUrl().toString())
          .apiKey(fakeBokaMera.apiKey()).login("demo@example.com", FAKE_PASSWORD);
    }
    BokaMeraClient client = b.build();
    resources.add(client);
    return client;
  }

  private void seedBokaMera(FakeBokaMera fake) {
    String[][] people = {{"Ada", "Lovelace", "ada@example.com"}, {"Alan", "Turing", "alan@example.com"},
        {"Grace", "Hopper", "grace@example.com"}};
    for (int i = 0; i < people.length; i++) {
      fake.putCustomer(SAMPLE_BOKAMERA_IDS.get(i), "{\"Firstname\":\"" + people[i][0] + "\",\"Lastname\":\"" + people[i][1]
          + "\",\"Email\":\"" + people[i][2] + "\",\"Phone\":\"+46 8 000 00 0" + i + "\",\"SubscribedToNewsletter\":false,"
          + "\"CustomFieldValues\":[{\"Id\":17,\"Column\":\"TextField1\",\"Name\":\"Shoe size\",\"Value\":\"38\",\"DataType\":\"TextBox\"}]}");
    }
    fakeArticleId = fake.addCustomerArticle(SAMPLE_BOKAMERA_IDS.get(0), 1, new java.math.BigDecimal("495.00"), "SEK");
  }

  private BillbeeClient startBillbee() {
    BillbeeClient.Builder b = BillbeeClient.builder().okHttpClient(http);
    if (env("BILLBEE_API_KEY") != null) {
      b.apiKey(env("BILLBEE_API_KEY")).username(require("BILLBEE_USERNAME")).apiPassword(require("BILLBEE_API_PASSWORD"));
      if (env("BILLBEE_BASE_URL") != null) {
        b.baseUrl(env("BILLBEE_BASE_URL"));
      }
    } else {
      fakeBillbee = new FakeBillbee();
      fakeBillbee.start();
      resources.add(fakeBillbee);
      String[][] people = {{"Ada Lovelace", "ada@example.com"}, {"Alan Turing", "alan@example.com"},
          {"Grace Hopper", "grace@example.com"}};
      for (int i = 0; i < people.length; i++) {
        var c = FakeBillbee.sampleCustomer(SAMPLE_BILLBEE_IDS.get(i));
        c.put("Name", people[i][0]).put("Email", people[i][1]);
        fakeBillbee.seed(c);
      }
      b.baseUrl(fakeBillbee.url("/").toString()).apiKey(FakeBillbee.DEFAULT_API_KEY)
          .username(FakeBillbee.DEFAULT_USERNAME).apiPassword(FakeBillbee.DEFAULT_API_PASSWORD);
    }
    BillbeeClient client = b.build();
    resources.add(client);
    return client;
  }

  private StormClient startStorm() {
    StormClient.Builder b = StormClient.builder().okHttpClient(http);
    if (env("STORM_BASE_URL") != null) {
      b.baseUrl(env("STORM_BASE_URL")).applicationId(Integer.parseInt(require("STORM_APPLICATION_ID")));
      if (env("STORM_ACCESS_TOKEN") != null) {
        b.accessToken(env("STORM_ACCESS_TOKEN"));
      } else {
        b.clientCredentials(require("STORM_CLIENT_ID"), require("STORM_CLIENT_SECRET"), env("STORM_SCOPE"));
        if (env("STORM_TOKEN_URL") != null) {
          b.tokenUrl(env("STORM_TOKEN_URL"));
        }
      }
      if (env("STORM_CULTURE_CODE") != null) {
        b.cultureCode(env("STORM_CULTURE_CODE"));
      }
    } else {
      fakeStorm = new FakeStorm();
      fakeStorm.start();
      resources.add(fakeStorm);
      fakeStorm.seedDemoCustomers();
      fakeStorm.seedCustomer("{\"Id\":1003,\"Email\":\"alan@example.com\",\"FirstName\":\"Alan\",\"LastName\":\"Turing\",\"IsActive\":true}");
      b.baseUrl(fakeStorm.baseUrl().toString()).applicationId(FakeStorm.DEFAULT_APPLICATION_ID)
          .clientCredentials(FakeStorm.DEFAULT_CLIENT_ID, FakeStorm.DEFAULT_CLIENT_SECRET, "lab")
          .tokenUrl(fakeStorm.tokenUrl().toString());
    }
    StormClient client = b.build();
    resources.add(client);
    return client;
  }

  private String require(String name) {
    String v = env(name);
    if (v == null) {
      throw new IllegalStateException(name + " must be set too (see the README's \"Running the examples\")");
    }
    return v;
  }
}
