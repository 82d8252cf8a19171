package dev.customersync.storm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.customersync.core.Address;
import dev.customersync.core.Customer;
import dev.customersync.core.CustomerUpdater;
import dev.customersync.core.CustomerValidationException;
import dev.customersync.core.FieldChange;
import dev.customersync.core.UpdatePlan;
import dev.customersync.core.UpdateResult;
import dev.customersync.core.json.LosslessJson;
import dev.customersync.core.spi.JsonTreeDiff;
import dev.customersync.testkit.FakeStorm;
import dev.customersync.testkit.RequestJournal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The lossless guarantee, over generated real-shaped Storm reads (seeded {@link Random}s, so every
 * run sends the same cases): customers with and without account, companies (with their own
 * addresses, flags and info), delivery and invoice addresses, flags, info and price lists; unknown
 * properties at every object level holding objects, arrays, decimals like {@code 1.50} and {@code
 * 1E+15}, big integers, nulls and WCF dates; {@code Created}/{@code Updated} in both WCF forms
 * ({@code /Date(ms)/}, {@code /Date(ms±hhmm)/}, negative ms) or null; nulls, empty lists and absent
 * properties for every optional part. Against {@link FakeStorm}, which stores and serves each read
 * byte for byte:
 *
 * <ul>
 *   <li>an empty neutral customer writes nothing: one request, {@code written()} false, an empty plan;
 *   <li>the neutral view of the read, pushed back, writes nothing either;
 *   <li>each neutral field set alone writes exactly the read with that field's Storm path changed (and
 *       its documented effects: a replaced address keeps only its old {@code Id} and has {@code
 *       IsValidated} false), byte for byte, and {@code changes()} names exactly those paths;
 *   <li>no update at default settings makes Storm send a mail.
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StormLosslessPropertyTest {

  private static final int SEEDS = 300;
  private static final String TOKEN = "property-test-token-0123456789";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final FakeStorm fake = new FakeStorm().acceptStaticToken(TOKEN);
  private final StormClient client = client(false);
  private final StormClient renaming = client(true);
  private final CustomerUpdater updater = client.customerUpdater();

  private StormClient client(boolean renameSharedCompany) {
    return StormClient.builder().baseUrl(fake.baseUrl().toString()).applicationId(FakeStorm.DEFAULT_APPLICATION_ID)
        .accessToken(TOKEN).retryPolicy(StormTestSupport.fastRetries()).renameSharedCompany(renameSharedCompany).build();
  }

  @AfterAll
  void close() {
    assertThat(fake.mailsSent()).as("mails Storm sent over every update of every seed").isZero();
    client.close();
    renaming.close();
    fake.close();
  }

  static LongStream seeds() {
    return LongStream.range(0, SEEDS);
  }

  /** One generated read and every neutral field against it. */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void everyUnchangedPropertyGoesBackExactlyAsRead(long seed) {
    Random random = new Random(seed);
    int id = 100_000 + (int) seed;
    String read = LosslessJson.text(new Generator(random, seed).customer(id));
    Case c = new Case(id, read);

    c.reseed();
    assertThat(LosslessJson.text(fake.customer(id).orElseThrow())).as("the fake serves the read as generated").isEqualTo(read);

    // (a) Nothing set: one request, the read; nothing written; an empty plan.
    int before = fake.journal().size();
    UpdateResult nothing = updater.update(c.idText, Customer.builder().build());
    assertThat(nothing.written()).isFalse();
    assertThat(nothing.changes()).isEmpty();
    assertThat(fake.journal().size() - before).as("requests").isEqualTo(1);
    UpdatePlan plan = updater.plan(c.idText, Customer.builder().build());
    assertThat(plan.isEmpty()).isTrue();
    assertThat(fake.journal().size() - before).as("requests with the plan's read").isEqualTo(2);

    // Storm's customer in neutral terms, pushed back, is no change either.
    UpdateResult echo = updater.update(c.idText, nothing.customer());
    assertThat(echo.written()).as("pushing back %s", nothing.customer()).isFalse();
    assertThat(echo.warnings()).isEmpty();

    // (b) One field at a time.
    String mark = "\u2206" + seed;
    c.expectWrite(Customer.builder().firstName("Fïrst" + mark).build(), t -> t.put("FirstName", "Fïrst" + mark),
        "FirstName");
    c.expectWrite(Customer.builder().lastName("Läst 😀" + mark).build(), t -> t.put("LastName", "Läst 😀" + mark),
        "LastName");
    String email = "changed." + seed + "@example.se";
    c.expectWrite(Customer.builder().email(email).build(), t -> t.put("Email", email), "Email");
    String phone = "+46 8 " + seed;
    c.expectWrite(Customer.builder().phone(phone).build(), t -> t.put("Phone", phone), "Phone");
    String mobile = "070-" + seed;
    c.expectWrite(Customer.builder().mobilePhone(mobile).build(), t -> t.put("CellPhone", mobile), "CellPhone");
    c.expectWrite(Customer.builder().externalCode("ERP" + mark).build(), t -> t.put("Code", "ERP" + mark), "Code");
    boolean active = !c.readTree.path("IsActive").asBoolean(false);
    c.expectWrite(Customer.builder().active(active).build(), t -> t.put("IsActive", active), "IsActive");

    JsonNode companies = c.readTree.get("Companies");
    boolean hasCompany = companies != null && companies.isArray() && !companies.isEmpty();
    if (hasCompany) {
      c.expectWrite(Customer.builder().organizationNumber("55" + seed).build(),
          t -> ((ObjectNode) t.get("Companies").get(0)).put("OrgNo", "55" + seed), "Companies[0].OrgNo");
      c.expectWrite(Customer.builder().vatId("SE" + seed).build(),
          t -> ((ObjectNode) t.get("Companies").get(0)).put("VatNo", "SE" + seed), "Companies[0].VatNo");
      c.expectNoWrite(Customer.builder().companyName("Renamed" + mark).build(), "companyName: not written");
      c.expectWrite(renaming.customerUpdater(), Customer.builder().companyName("Renamed" + mark).build(),
          t -> ((ObjectNode) t.get("Companies").get(0)).put("Name", "Renamed" + mark), "Companies[0].Name");
    } else {
      c.expectRefusedAfterTheRead(Customer.builder().organizationNumber("55" + seed).build(), "companyName");
      c.expectRefusedAfterTheRead(Customer.builder().vatId("SE" + seed).build(), "companyName");
      c.expectWrite(Customer.builder().companyName("New Co" + mark).build(), t -> {
        ObjectNode created = NODES.objectNode().put("Name", "New Co" + mark);
        if (t.get("Companies") instanceof ArrayNode list) {
          list.add(created);
        } else {
          t.set("Companies", NODES.arrayNode().add(created));
        }
      }, "Companies");
    }

    Address invoice = address(random, mark);
    c.expectWrite(Customer.builder().invoiceAddress(invoice).build(),
        t -> t.set("InvoiceAddress", replaced(t.get("InvoiceAddress"), invoice)), "InvoiceAddress");
    List<Address> delivery = new ArrayList<>();
    for (int i = 0, n = 1 + random.nextInt(2); i < n; i++) {
      delivery.add(address(random, mark + i));
    }
    c.expectWrite(Customer.builder().deliveryAddresses(delivery).build(), t -> {
      JsonNode old = t.get("DeliveryAddresses");
      ArrayNode list = NODES.arrayNode();
      for (int i = 0; i < delivery.size(); i++) {
        list.add(replaced(old != null && old.isArray() && i < old.size() ? old.get(i) : null, delivery.get(i)));
      }
      t.set("DeliveryAddresses", list);
    }, "DeliveryAddresses");

    int infoAt = firstInfoWithCode(c.readTree);
    if (infoAt >= 0) {
      String code = c.readTree.get("Info").get(infoAt).get("Code").textValue();
      int at = infoAt;
      c.expectWrite(Customer.builder().putCustomFields(code, "v" + mark).build(),
          t -> ((ObjectNode) t.get("Info").get(at)).put("Value", "v" + mark), "Info[" + at + "].Value");
    }
    c.expectWrite(Customer.builder().putCustomFields("NewCode" + seed, "v" + mark).build(), t -> {
      ObjectNode entry = NODES.objectNode().put("Value", "v" + mark).put("Code", "NewCode" + seed);
      if (t.get("Info") instanceof ArrayNode list) {
        list.add(entry);
      } else {
        t.set("Info", NODES.arrayNode().add(entry));
      }
    }, "Info");

    c.expectNoWrite(Customer.builder().languageTag("nb-NO").build(), null);
    c.expectNoWrite(Customer.builder().newsletterSubscribed(true).build(), "newsletterSubscribed");

    // (c) Default settings never make Storm mail the customer.
    assertThat(fake.mailsSent()).isZero();
  }

  /** The documented replacement of a changed address: the old Id, the caller's fields, IsValidated false. */
  private static ObjectNode replaced(JsonNode old, Address a) {
    ObjectNode n = NODES.objectNode();
    if (old != null && old.isObject() && old.hasNonNull("Id")) {
      n.set("Id", old.get("Id"));
    }
    a.careOf().ifPresent(v -> n.put("CareOf", v));
    a.line1().ifPresent(v -> n.put("Line1", v));
    a.line2().ifPresent(v -> n.put("Line2", v));
    a.postalCode().ifPresent(v -> n.put("Zip", v));
    a.city().ifPresent(v -> n.put("City", v));
    a.countryCode().ifPresent(v -> n.put("Country", v));
    a.region().ifPresent(v -> n.put("Region", v));
    return n.put("IsValidated", false);
  }

  /** A complete address (Storm refuses one without zip, city and country), never one the generator writes. */
  private static Address address(Random r, String mark) {
    Address.Builder b = Address.builder().line1("Ny gatan " + mark).postalCode("1" + r.nextInt(10_000))
        .city(pick(r, "Göteborg", "Malmö", "Oslo")).countryCode(pick(r, "SE", "NO", "DK"));
    if (r.nextBoolean()) {
      b.careOf("c/o " + mark);
    }
    if (r.nextBoolean()) {
      b.line2("vån " + r.nextInt(9));
    }
    if (r.nextBoolean()) {
      b.region("Region " + mark);
    }
    return b.build();
  }

  private static int firstInfoWithCode(JsonNode customer) {
    JsonNode info = customer.get("Info");
    if (info == null || !info.isArray()) {
      return -1;
    }
    for (int i = 0; i < info.size(); i++) {
      if (info.get(i).path("Code").isTextual() && info.get(i).path("Value").isTextual()) {
        return i;
      }
    }
    return -1;
  }

  @SafeVarargs
  private static <T> T pick(Random r, T... values) {
    return values[r.nextInt(values.length)];
  }

  /** One generated customer at the fake, reseeded before every update so each starts from the same read. */
  private final class Case {
    final int id;
    final String idText;
    final String read;
    final ObjectNode readTree;

    Case(int id, String read) {
      this.id = id;
      this.idText = Integer.toString(id);
      this.read = read;
      this.readTree = (ObjectNode) tree(read);
    }

    void reseed() {
      fake.seedCustomerExactly(read);
    }

    void expectWrite(Customer change, Consumer<ObjectNode> edit, String pathPrefix) {
      expectWrite(updater, change, edit, pathPrefix);
    }

    /** The write body is the read with {@code edit} applied, byte for byte, and changes() says so. */
    void expectWrite(CustomerUpdater through, Customer change, Consumer<ObjectNode> edit, String pathPrefix) {
      reseed();
      ObjectNode expected = readTree.deepCopy();
      edit.accept(expected);
      int before = fake.journal().size();

      UpdateResult result = through.update(idText, change);

      List<RequestJournal.Entry> sent = fake.journal().entries().subList(before, fake.journal().size());
      assertThat(sent).as("a read and a write for %s", change).hasSize(2);
      assertThat(sent.get(1).path()).endsWith("/UpdateCustomer3");
      assertThat(sent.get(1).body()).as("the write for %s", change).isEqualTo(LosslessJson.text(expected));
      List<FieldChange> changes = JsonTreeDiff.changes(readTree, expected);
      assertThat(changes).as("the edit for %s changes something", change).isNotEmpty();
      assertThat(result.written()).isTrue();
      assertThat(result.changes()).isEqualTo(changes);
      assertThat(result.changes()).extracting(FieldChange::field).allSatisfy(f -> assertThat(f).startsWith(pathPrefix));
    }

    /** Nothing to write: one request, no write; a warning starting with {@code warning} when one is given. */
    void expectNoWrite(Customer change, String warning) {
      reseed();
      int before = fake.journal().size();

      UpdateResult result = updater.update(idText, change);

      assertThat(fake.journal().size() - before).as("requests for %s", change).isEqualTo(1);
      assertThat(result.written()).isFalse();
      if (warning == null) {
        assertThat(result.warnings()).isEmpty();
      } else {
        assertThat(result.warnings()).singleElement().asString().startsWith(warning);
      }
      change.languageTag().ifPresent(tag -> assertThat(fake.journal().entries().get(before).request().getUrl()
          .queryParameter("cultureCode")).isEqualTo(tag));
    }

    /** Refused after the read (it depends on what Storm holds), before any write. */
    void expectRefusedAfterTheRead(Customer change, String field) {
      reseed();
      int before = fake.journal().size();

      assertThatThrownBy(() -> updater.update(idText, change)).isInstanceOfSatisfying(CustomerValidationException.class,
          e -> assertThat(e.violations()).extracting(v -> v.field()).containsExactly(field));

      assertThat(fake.journal().size() - before).isEqualTo(1);
    }
  }

  private static JsonNode tree(String json) {
    try {
      return LosslessJson.read(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Real-shaped Storm customers, from the UpdateCustomer page's property list and CustomerService4.xsd,
   * in Storm's property order, with unknown properties sprinkled in at random places of every object.
   */
  private static final class Generator {
    private final Random r;
    private final long seed;
    private int ids = 1;
    private int unknowns;

    Generator(Random r, long seed) {
      this.r = r;
      this.seed = seed;
    }

    ObjectNode customer(int id) {
      ObjectNode c = NODES.objectNode();
      c.put("Id", id);
      optional(c, "Key", () -> NODES.textNode("3f2504e0-4f89-11d3-9a0c-" + String.format("%012d", seed)));
      optional(c, "Code", () -> NODES.textNode("ERP-" + seed));
      optional(c, "Email", () -> NODES.textNode("c" + seed + "@example.com"));
      optional(c, "SSN", () -> NODES.textNode("19151210-" + r.nextInt(10_000)));
      optional(c, "FirstName", () -> NODES.textNode(pick(r, "Ada", "Åsa", "Zoë", "José", "李雷", "Grace 😀")));
      optional(c, "LastName", () -> NODES.textNode(pick(r, "Lovelace", "Öberg", "Nuñez", "Hopper")));
      optional(c, "Phone", () -> NODES.textNode(pick(r, "+46 8 123 45 67", "(08) 123-45", "08/123.45")));
      optional(c, "CellPhone", () -> NODES.textNode("+46 70 " + r.nextInt(1_000_000)));
      optional(c, "ReferId", () -> NODES.numberNode(r.nextInt(1000)));
      optional(c, "ReferUrl", () -> NODES.textNode("https://partner.example.com/?a=1&b=" + seed));
      optional(c, "Account", this::account);
      optional(c, "Companies", () -> list(this::company, 2));
      optional(c, "DeliveryAddresses", () -> list(this::address, 2));
      optional(c, "InvoiceAddress", this::address);
      optional(c, "Flags", () -> list(this::flag, 3));
      optional(c, "UseInvoiceAddressAsDeliveryAddress", () -> NODES.booleanNode(r.nextBoolean()));
      optional(c, "Info", () -> info("Customer"));
      optional(c, "PricelistIds", this::ints);
      optional(c, "CrmId", () -> NODES.textNode("CRM-" + r.nextInt(100)));
      optional(c, "IsActive", () -> NODES.booleanNode(r.nextBoolean()));
      optional(c, "Created", this::date);
      optional(c, "Updated", this::date);
      return withUnknowns(c);
    }

    private ObjectNode account() {
      ObjectNode a = NODES.objectNode();
      a.put("Id", 7000 + ids++);
      optional(a, "Key", () -> NODES.textNode("7b0c7f4e-1a47-4c36-9d0a-4c1b3e1f" + String.format("%04d", seed % 10_000)));
      optional(a, "LoginName", () -> NODES.textNode("login" + seed + "@example.com"));
      optional(a, "Name", () -> NODES.textNode("Ada L"));
      optional(a, "Roles", this::ints);
      optional(a, "Authorizations", () -> info("Auth"));
      optional(a, "IsActive", () -> NODES.booleanNode(r.nextBoolean()));
      return withUnknowns(a);
    }

    private ObjectNode company() {
      ObjectNode co = NODES.objectNode();
      co.put("Id", 500 + ids++);
      optional(co, "Key", () -> NODES.textNode("b3c5e1f0-5f58-4bd4-8c7b-2a5e1a7f" + String.format("%04d", ids)));
      optional(co, "Code", () -> NODES.textNode("C-" + ids));
      co.put("Name", pick(r, "Analytical Engines AB", "Åkeri & Söner HB", "Difference \"Engines\" Ltd"));
      optional(co, "OrgNo", () -> NODES.textNode("556677-" + r.nextInt(10_000)));
      optional(co, "Phone", () -> NODES.textNode("+46 8 555 00"));
      optional(co, "Email", () -> NODES.textNode("billing" + ids + "@engines.example.com"));
      optional(co, "VatNo", () -> NODES.textNode("SE5566778899" + r.nextInt(100)));
      optional(co, "ReferId", () -> NODES.numberNode(r.nextInt(10)));
      optional(co, "ReferUrl", () -> NODES.textNode("https://r.example.com/"));
      optional(co, "DeliveryAddresses", () -> list(this::address, 2));
      optional(co, "InvoiceAddress", this::address);
      optional(co, "UseInvoiceAddressAsDeliveryAddress", () -> NODES.booleanNode(r.nextBoolean()));
      optional(co, "Info", () -> info("Company"));
      optional(co, "PricelistIds", this::ints);
      optional(co, "ParentId", () -> NODES.numberNode(400 + r.nextInt(10)));
      optional(co, "DeliveryMethodIds", this::ints);
      optional(co, "PaymentMethodIds", this::ints);
      optional(co, "Flags", () -> list(this::flag, 2));
      return withUnknowns(co);
    }

    /** Complete, as Storm requires of every address the customer sends back: zip, city and a country. */
    private ObjectNode address() {
      ObjectNode a = NODES.objectNode();
      a.put("Id", 9000 + ids++);
      optional(a, "CareOf", () -> NODES.textNode("Reception"));
      a.put("Line1", pick(r, "Storgatan 1", "Hamngatan 2", "Kungsgatan 3 \u202Etr"));
      optional(a, "Line2", () -> NODES.textNode("2 tr"));
      a.put("Zip", pick(r, "111 22", "0150", "2100"));
      a.put("City", pick(r, "Stockholm", "Oslo", "København"));
      boolean countryId = r.nextBoolean();
      if (countryId) {
        a.put("CountryId", 1 + r.nextInt(5));
      }
      if (!countryId || r.nextBoolean()) {
        a.put("Country", pick(r, "SE", "NO", "dk", "Sverige"));
      }
      optional(a, "Region", () -> NODES.textNode("AB"));
      optional(a, "IsValidated", () -> NODES.booleanNode(r.nextBoolean()));
      optional(a, "GlobalLocationNo", () -> NODES.textNode("7300009000001"));
      optional(a, "ShippingPhoneNumber", () -> NODES.textNode("+46 70 2"));
      return withUnknowns(a);
    }

    private ObjectNode flag() {
      ObjectNode f = NODES.objectNode();
      f.put("Id", ids++);
      optional(f, "Name", () -> NODES.textNode(pick(r, "Newsletter", "VIP", "Nyhetsbrev")));
      optional(f, "Group", () -> NODES.numberNode(r.nextInt(4)));
      optional(f, "IsSelected", () -> NODES.booleanNode(r.nextBoolean()));
      return withUnknowns(f);
    }

    /** IdValue entries with codes unique ignoring case, so that a custom field names one entry. */
    private JsonNode info(String prefix) {
      ArrayNode list = NODES.arrayNode();
      for (int i = 0, n = r.nextInt(4); i < n; i++) {
        ObjectNode e = NODES.objectNode();
        e.put("Id", 10 + i);
        optional(e, "Value", () -> NODES.textNode(pick(r, "38", "B2B", "", "grön")));
        optional(e, "Code", () -> NODES.textNode(prefix + "Code" + ids++));
        list.add(withUnknowns(e));
      }
      return list;
    }

    private ArrayNode list(java.util.function.Supplier<ObjectNode> element, int max) {
      ArrayNode list = NODES.arrayNode();
      for (int i = 0, n = r.nextInt(max + 1); i < n; i++) {
        list.add(element.get());
      }
      return list;
    }

    private ArrayNode ints() {
      ArrayNode list = NODES.arrayNode();
      for (int i = 0, n = r.nextInt(3); i < n; i++) {
        list.add(r.nextInt(100));
      }
      return list;
    }

    /** Every form Storm's WCF serializer writes: with and without offset, before 1970, DateTime.MinValue. */
    private JsonNode date() {
      long ms = 1_566_656_122_000L + r.nextInt(1_000_000_000);
      return NODES.textNode(switch (r.nextInt(5)) {
        case 0 -> "/Date(" + ms + ")/";
        case 1 -> "/Date(" + ms + "+0200)/";
        case 2 -> "/Date(" + ms + "-0530)/";
        case 3 -> "/Date(-62135596800000)/";
        default -> "/Date(-" + r.nextInt(1_000_000) + "+0100)/";
      });
    }

    /** Present with a value (mostly), JSON null, or absent. */
    private void optional(ObjectNode o, String name, java.util.function.Supplier<JsonNode> value) {
      int pick = r.nextInt(10);
      if (pick < 7) {
        o.set(name, value.get());
      } else if (pick < 9) {
        o.putNull(name);
      }
    }

    /** {@code o} with zero to three unknown properties inserted at random places. */
    private ObjectNode withUnknowns(ObjectNode o) {
      int n = r.nextInt(4);
      if (n == 0) {
        return o;
      }
      List<Map.Entry<String, JsonNode>> members = new ArrayList<>(o.properties());
      for (int i = 0; i < n; i++) {
        members.add(r.nextInt(members.size() + 1), Map.entry("Ext" + unknowns++ + pick(r, "", "Data", "_x"), unknownValue(2)));
      }
      ObjectNode out = NODES.objectNode();
      members.forEach(m -> out.set(m.getKey(), m.getValue()));
      return out;
    }

    private JsonNode unknownValue(int depth) {
      switch (r.nextInt(depth > 0 ? 12 : 10)) {
        case 0:
          return NODES.nullNode();
        case 1:
          return NODES.numberNode(new BigDecimal("1.50"));
        case 2:
          return NODES.numberNode(new BigDecimal("1E+15"));
        case 3:
          return NODES.numberNode(new BigInteger("12345678901234567890"));
        case 4:
          return NODES.numberNode(new BigDecimal("-0.000100"));
        case 5:
          return NODES.textNode("/Date(" + r.nextInt(1_000_000) + (r.nextBoolean() ? "" : "+0100") + ")/");
        case 6:
          return NODES.booleanNode(r.nextBoolean());
        case 7:
          return NODES.arrayNode();
        case 8:
          return NODES.textNode(pick(r, "", "text with \"quotes\" and \\ slash", "ünïcödé 😀", "\u0001ctl"));
        case 9:
          return NODES.numberNode(r.nextInt());
        case 10: {
          ArrayNode a = NODES.arrayNode();
          for (int i = 0, n = r.nextInt(3); i < n; i++) {
            a.add(unknownValue(depth - 1));
          }
          return a;
        }
        default: {
          ObjectNode o = NODES.objectNode();
          for (int i = 0, n = r.nextInt(3); i < n; i++) {
            o.set("Nested" + i, unknownValue(depth - 1));
          }
          return o;
        }
      }
    }
  }
}
