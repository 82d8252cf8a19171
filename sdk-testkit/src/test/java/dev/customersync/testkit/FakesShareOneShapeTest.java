package dev.customersync.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.customersync.core.Address;
import dev.customersync.core.ClientSettings;
import dev.customersync.core.Customer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The three fakes wire, seed, relax and filter their journals the same way. */
class FakesShareOneShapeTest {

  private final FakeBillbee billbee = new FakeBillbee();
  private final FakeStorm storm = new FakeStorm();
  private final FakeBokaMera bokaMera = new FakeBokaMera();
  private final OkHttpClient http = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();

  @AfterEach
  void close() {
    billbee.close();
    storm.close();
    bokaMera.close();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  @Test
  void startReturnsTheFakeItselfOnEveryFake() {
    FakeBillbee b = new FakeBillbee().start();
    FakeStorm s = new FakeStorm().start();
    FakeBokaMera m = new FakeBokaMera().start();
    try (b; s; m) {
      assertThat(b.baseUrl().toString()).startsWith("http://");
      assertThat(s.baseUrl().encodedPath()).isEqualTo(FakeStorm.API_PREFIX);
      assertThat(m.baseUrl()).endsWith("/");
    }
  }

  @Test
  void everyFakeHandsOutItsCredentialsAndClientSettingsWithSecretsMasked() {
    FakeBillbee.Credentials b = billbee.credentials();
    FakeStorm.Credentials s = storm.credentials();
    FakeBokaMera.Credentials m = bokaMera.credentials();

    assertThat(b).isEqualTo(new FakeBillbee.Credentials(FakeBillbee.DEFAULT_API_KEY, FakeBillbee.DEFAULT_USERNAME,
        FakeBillbee.DEFAULT_API_PASSWORD));
    assertThat(s).isEqualTo(new FakeStorm.Credentials(FakeStorm.DEFAULT_APPLICATION_ID, FakeStorm.DEFAULT_CLIENT_ID,
        FakeStorm.DEFAULT_CLIENT_SECRET));
    assertThat(m.username()).isEqualTo(FakeBokaMera.DEFAULT_USERNAME);
    assertThat(b.toString()).doesNotContain(FakeBillbee.DEFAULT_API_KEY, FakeBillbee.DEFAULT_API_PASSWORD);
    assertThat(s.toString()).doesNotContain(FakeStorm.DEFAULT_CLIENT_SECRET).contains(FakeStorm.DEFAULT_CLIENT_ID);
    assertThat(m.toString()).doesNotContain(bokaMera.apiKey(), FakeBokaMera.DEFAULT_PASSWORD);

    ClientSettings bs = billbee.clientSettings();
    ClientSettings ss = storm.clientSettings();
    ClientSettings ms = bokaMera.clientSettings();
    assertThat(bs.vendor()).isEqualTo("billbee");
    assertThat(bs.get("baseUrl")).contains(billbee.baseUrl().toString());
    assertThat(bs.get("apiPassword")).contains(FakeBillbee.DEFAULT_API_PASSWORD);
    assertThat(ss.get("tokenUrl")).contains(storm.tokenUrl().toString());
    assertThat(ss.get("applicationId")).contains("1234");
    assertThat(ms.get("companyId")).contains(bokaMera.companyId().toString());
    assertThat(bs + " " + ss + " " + ms).doesNotContain(FakeBillbee.DEFAULT_API_KEY,
        FakeBillbee.DEFAULT_API_PASSWORD, FakeStorm.DEFAULT_CLIENT_SECRET, bokaMera.apiKey(),
        FakeBokaMera.DEFAULT_PASSWORD);
  }

  @Test
  void billbeeSettingsTurnTheClientsLimiterOffOnlyWhileTheFakeIsRelaxed() {
    assertThat(billbee.clientSettings().get("rateLimiter")).isEmpty();
    assertThat(billbee.relaxed().clientSettings().get("rateLimiter")).contains("unlimited");
  }

  @Test
  void seedsANeutralCustomerOnEveryFake() {
    Customer ada = Customer.builder().firstName("Ada").lastName("Lovelace").email("ada@example.com")
        .phone("+46 8 123 45").build();

    long billbeeId = billbee.seed(ada);
    int stormId = storm.seed(ada.toBuilder().externalCode("ERP-1")
        .invoiceAddress(Address.builder().line1("Storgatan 1").postalCode("111 22").city("Stockholm")
            .countryCode("SE").build())
        .putCustomFields("ShoeSize", "38").build());
    UUID bokaId = bokaMera.seed(ada.toBuilder().putCustomFields("17", "38").build());

    JsonNode b = billbee.customer(billbeeId).orElseThrow();
    assertThat(b.get("Name").asText()).isEqualTo("Ada Lovelace");
    assertThat(b.get("Email").asText()).isEqualTo("ada@example.com");
    assertThat(b.get("Tel1").asText()).isEqualTo("+46 8 123 45");
    assertThat(b.get("Type").intValue()).isZero();
    JsonNode s = storm.customer(stormId).orElseThrow();
    assertThat(s.get("FirstName").asText()).isEqualTo("Ada");
    assertThat(s.get("Code").asText()).isEqualTo("ERP-1");
    assertThat(s.get("InvoiceAddress").get("Zip").asText()).isEqualTo("111 22");
    assertThat(s.get("InvoiceAddress").get("Id").isInt()).as("the address got an id").isTrue();
    assertThat(s.get("Info").get(0).get("Code").asText()).isEqualTo("ShoeSize");
    JsonNode m = bokaMera.customer(bokaId).orElseThrow();
    assertThat(m.get("Firstname").asText()).isEqualTo("Ada");
    assertThat(m.get("CustomFieldValues").get(0).get("Value").asText()).isEqualTo("38");
  }

  @Test
  void seedingANeutralFieldTheVendorCannotHoldFailsNamingIt() {
    assertThatThrownBy(() -> billbee.seed(Customer.builder().organizationNumber("556677-8899").build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("organizationNumber");
    assertThatThrownBy(() -> bokaMera.seed(Customer.builder().mobilePhone("+46 70 1").build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("mobilePhone");
    assertThatThrownBy(() -> storm.seed(Customer.builder().newsletterSubscribed(true).build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("newsletterSubscribed");
  }

  @Test
  void seedsRawJsonUnderANewIdOnEveryFake() {
    long b = billbee.seed("{\"Name\": \"Ada\", \"Unmodelled\": 1.50}");
    int s = storm.seed("{\"FirstName\": \"Ada\", \"LastName\": \"L\", \"Email\": \"a@example.com\"}");
    UUID m = bokaMera.seed("{\"Firstname\": \"Ada\"}");

    assertThat(billbee.customer(b).orElseThrow().get("Unmodelled").toString()).isEqualTo("1.50");
    assertThat(storm.customer(s)).isPresent();
    assertThat(bokaMera.customer(m)).isPresent();
  }

  @Test
  void billbeeHandsOutIdsAboveEveryIdOfAnyKindSeeded() {
    billbee.seedSample(100);  // meta data ids 1001…1004

    long next = billbee.seed(Customer.builder().firstName("Grace").build());

    assertThat(next).isEqualTo(1005);
  }

  @Test
  void bokaMeraNeverHandsOutAGuidItAlreadyHolds() {
    Set<UUID> ids = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      ids.add(bokaMera.seed(Customer.builder().firstName("C" + i).build()));
    }
    assertThat(ids).hasSize(50);
  }

  @Test
  void stormTokenLimitIsRealByDefaultAndLiftedWhenRelaxed() throws IOException {
    List<Integer> strict = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      strict.add(token(storm));
    }
    try (FakeStorm relaxed = new FakeStorm().relaxed().start()) {
      List<Integer> lifted = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        lifted.add(token(relaxed));
      }
      assertThat(lifted).containsOnly(200);
    }
    assertThat(strict).containsExactly(200, 200, 200, 429);
  }

  @Test
  void journalMatchersAreNamedAlikeOnEveryFake() throws IOException {
    billbee.relaxed().seedSample(1);
    send(new Request.Builder().url(billbee.url("/api/v1/customers/1")).header("X-Billbee-Api-Key",
        FakeBillbee.DEFAULT_API_KEY).header("Authorization", okhttp3.Credentials.basic(FakeBillbee.DEFAULT_USERNAME,
        FakeBillbee.DEFAULT_API_PASSWORD)).build());
    token(storm);

    assertThat(billbee.journal().countMatching(FakeBillbee.readCalls())).isEqualTo(1);
    assertThat(billbee.journal().countMatching(FakeBillbee.writeCalls())).isZero();
    assertThat(billbee.journal().matching(FakeBillbee.readCalls()).get(0).path()).isEqualTo("/api/v1/customers/1");
    assertThat(storm.journal().countMatching(FakeStorm.tokenCalls())).isEqualTo(1);
    assertThat(storm.journal().countMatching(FakeStorm.readCalls())).isZero();
    assertThat(bokaMera.journal().countMatching(FakeBokaMera.createCalls())).isZero();
  }

  private int token(FakeStorm fake) throws IOException {
    return send(new Request.Builder().url(fake.tokenUrl()).post(new FormBody.Builder()
        .add("grant_type", "client_credentials").add("client_id", FakeStorm.DEFAULT_CLIENT_ID)
        .add("client_secret", FakeStorm.DEFAULT_CLIENT_SECRET).build()).build());
  }

  private int send(Request request) throws IOException {
    try (Response r = http.newCall(request).execute()) {
      new ObjectMapper().readTree(r.body().string());
      return r.code();
    }
  }
}
