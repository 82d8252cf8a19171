package dev.customersync.billbee;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.customersync.core.Customer;
import dev.customersync.core.CustomerUpdater;
import dev.customersync.core.FieldChange;
import dev.customersync.core.RetryPolicy;
import dev.customersync.core.UpdatePlan;
import dev.customersync.core.UpdateResult;
import dev.customersync.core.json.LosslessJson;
import dev.customersync.testkit.NoDelayServerSocketFactory;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.LongStream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The lossless guarantee over generated real-shaped Billbee reads: Billbee's documented
 * CustomerApiModel with properties left out or null at random, empty and filled {@code MetaData},
 * {@code Default*} entries that are copies of a {@code MetaData} entry, entries of their own, or
 * entries without an id, every documented date form, and unknown properties at every object level
 * (numbers like {@code 1.50} and {@code 1E+15}, nulls, empty and nested containers, dates, emoji).
 *
 * <p>For each read: an empty neutral customer writes nothing, and each neutral field Billbee maps,
 * set alone, sends the read JSON byte for byte except that field's property and its documented
 * mirrors. The expected body is built here by applying the one documented edit to the read tree.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BillbeeLosslessPropertyTest {

  private static final long ID = 100000150176895L;
  private static final int SEEDS = 300;
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final List<String> DEFAULTS = BillbeeCustomerMapper.DEFAULT_ENTRIES;
  private static final Map<String, Integer> LANGUAGES = Map.of("de", 1, "en", 2, "sv", 3, "fr", 4);
  private static final String[] DATES = {"2022-07-16T09:56:01.903", "2022-07-22T00:00:00Z",
      "2022-07-22T00:00:00+00:00", "2022-07-22T02:00:00+02:00", "2022-07-16T09:56:01.9030000", "2022-07-16T09:56:01"};
  private static final String[] EARLIER_DATES = {"2019-01-02T03:04:05.678", "2019-01-02T03:04:05Z",
      "2019-01-02T03:04:05+00:00", "2019-01-02T05:04:05+02:00"};
  private static final String[] NAMES = {"Ada Lovelace", "Ada", "Anna Maria Svensson", "  Zoë  Brontë ", "李 小龍", "",
      "Ludwig van Beethoven", "Grace\tHopper"};

  private final MockWebServer server = new MockWebServer();
  private volatile String readEnvelope;
  private BillbeeClient client;
  private CustomerUpdater updater;

  @BeforeAll
  void start() throws IOException {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        // The PUT is answered with what it sent, as Billbee is assumed to answer.
        String body = request.getMethod().equals("GET") ? readEnvelope : envelope(request.getBody().utf8());
        return new MockResponse.Builder().setHeader("Content-Type", "application/json; charset=utf-8").body(body).build();
      }
    });
    // Without it, Nagle and delayed ACKs add ~40 ms to each of the thousands of answers.
    server.setServerSocketFactory(new NoDelayServerSocketFactory());
    server.start();
    BillbeeClient.Builder b = new TestClients().builder(server.url("/")).retryPolicy(RetryPolicy.none());
    LANGUAGES.forEach(b::languageId);
    client = b.build();
    updater = client.customerUpdater();
  }

  @AfterAll
  void stop() {
    client.close();
    server.close();
  }

  static LongStream seeds() {
    return LongStream.range(0, SEEDS);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void anEmptyNeutralCustomerWritesNothingAndPlansNothing(long seed) throws Exception {
    serve(generate(new Random(seed)));
    int before = server.getRequestCount();

    UpdateResult r = updater.update(Long.toString(ID), Customer.builder().build());
    UpdatePlan plan = updater.plan(Long.toString(ID), Customer.builder().build());

    assertThat(r.written()).isFalse();
    assertThat(r.changes()).isEmpty();
    assertThat(r.attempts()).isEqualTo(1);
    assertThat(plan.isEmpty()).isTrue();
    assertThat(plan.warnings()).isEmpty();
    assertThat(server.getRequestCount() - before).as("one read each, no write").isEqualTo(2);
    drain(2).forEach(req -> assertThat(req.getMethod()).isEqualTo("GET"));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void eachMappedFieldSetAloneChangesExactlyItsPropertyAndItsDocumentedMirrors(long seed) throws Exception {
    Random random = new Random(seed);
    String read = generate(random);
    serve(read);
    for (Field field : Field.values()) {
      ObjectNode expected = (ObjectNode) LosslessJson.read(read);
      Oracle oracle = new Oracle(expected);
      Customer change = field.apply(oracle, random);
      int before = server.getRequestCount();

      UpdateResult r = updater.update(Long.toString(ID), change);

      String what = field + " on " + read;
      assertThat(r.warnings()).as(what).hasSize(oracle.warnings);
      if (oracle.paths.isEmpty()) {
        assertThat(r.written()).as(what).isFalse();
        assertThat(server.getRequestCount() - before).as(what).isEqualTo(1);
        drain(1);
        continue;
      }
      assertThat(r.written()).as(what).isTrue();
      assertThat(server.getRequestCount() - before).as(what).isEqualTo(2);
      RecordedRequest put = drain(2).get(1);
      assertThat(put.getMethod()).isEqualTo("PUT");
      BillbeeLosslessUpdateContractTest.assertSameFieldByField(what, expected, LosslessJson.read(put.getBody().toByteArray()));
      assertThat(put.getBody().utf8()).as(what).isEqualTo(LosslessJson.text(expected));
      assertThat(r.changes()).extracting(FieldChange::field).as(what).containsExactlyInAnyOrderElementsOf(oracle.paths);
    }
  }

  /** One neutral field, its new value, and the documented edit it makes to the read tree. */
  private enum Field {
    EMAIL(o -> r -> {
      String v = "new" + r.nextInt(1_000_000) + "@example.org";
      o.contact("Email", "DefaultMailAddress", v);
      return Customer.builder().email(v).build();
    }),
    PHONE(o -> r -> {
      String v = "+49 30 " + (1_000_000 + r.nextInt(8_999_999));
      o.contact("Tel1", "DefaultPhone1", v);
      return Customer.builder().phone(v).build();
    }),
    MOBILE_PHONE(o -> r -> {
      String v = "+49 170 " + (1_000_000 + r.nextInt(8_999_999));
      o.contact("Tel2", "DefaultPhone2", v);
      return Customer.builder().mobilePhone(v).build();
    }),
    VAT_ID(o -> r -> {
      String v = "DE" + (100_000_000 + r.nextInt(899_999_999)) + "X";
      o.set(o.customer, "", "VatId", F.textNode(v));
      return Customer.builder().vatId(v).build();
    }),
    EXTERNAL_CODE(o -> r -> {
      long v = r.nextInt(Integer.MAX_VALUE);
      o.set(o.customer, "", "Number", F.numberNode(v));
      return Customer.builder().externalCode(Long.toString(v)).build();
    }),
    LANGUAGE_TAG(o -> r -> {
      JsonNode current = o.customer.get("LanguageId");
      List<String> tags = new ArrayList<>(LANGUAGES.keySet().stream().sorted().toList());
      tags.removeIf(t -> current != null && current.isNumber() && current.intValue() == LANGUAGES.get(t));
      String tag = tags.get(r.nextInt(tags.size()));
      o.set(o.customer, "", "LanguageId", F.numberNode((long) LANGUAGES.get(tag)));
      return Customer.builder().languageTag(r.nextBoolean() ? tag : tag + "-XX").build();
    }),
    COMPANY_NAME(o -> r -> {
      String v = "Firma " + r.nextInt(1_000_000) + " GmbH";
      o.set(o.customer, "", "Name", F.textNode(v));
      o.setType(1);
      return Customer.builder().companyName(v).build();
    }),
    FIRST_NAME(o -> r -> {
      String v = "Vorname" + r.nextInt(1_000_000);
      o.onePart(v, null);
      return Customer.builder().firstName(v).build();
    }),
    LAST_NAME(o -> r -> {
      String v = "Nachname" + r.nextInt(1_000_000);
      o.onePart(null, v);
      return Customer.builder().lastName(v).build();
    }),
    BOTH_NAMES(o -> r -> {
      String first = "Vorname" + r.nextInt(1_000_000);
      String last = "Nachname" + r.nextInt(1_000_000);
      if (o.isBusiness()) {
        o.warnings++;
      } else {
        o.set(o.customer, "", "Name", F.textNode(first + " " + last));
      }
      return Customer.builder().firstName(first).lastName(last).build();
    });

    private final Function<Oracle, Function<Random, Customer>> edit;

    Field(Function<Oracle, Function<Random, Customer>> edit) {
      this.edit = edit;
    }

    Customer apply(Oracle oracle, Random random) {
      return edit.apply(oracle).apply(random);
    }
  }

  /** Applies the documented edits to the expected tree and records the paths that change. */
  private static final class Oracle {
    final ObjectNode customer;
    final List<String> paths = new ArrayList<>();
    int warnings;

    Oracle(ObjectNode customer) {
      this.customer = customer;
    }

    void set(ObjectNode node, String prefix, String name, JsonNode value) {
      JsonNode was = node.get(name);
      if (was != null && LosslessJson.text(was).equals(LosslessJson.text(value))) {
        return;
      }
      node.set(name, value);
      paths.add(prefix + name);
    }

    void setType(long type) {
      JsonNode was = customer.get("Type");
      if (was == null || !was.isNumber() || was.decimalValue().compareTo(BigDecimal.valueOf(type)) != 0) {
        set(customer, "", "Type", F.numberNode(type));
      }
    }

    boolean isBusiness() {
      JsonNode type = customer.get("Type");
      return type != null && type.isIntegralNumber() && type.longValue() == 1;
    }

    /** The field, the {@code Default*} entry mirroring it, and every copy of that entry (same id). */
    void contact(String field, String defaultEntry, String value) {
      set(customer, "", field, F.textNode(value));
      if (!(customer.get(defaultEntry) instanceof ObjectNode entry)) {
        return;
      }
      JsonNode id = entry.get("Id");
      if (id == null || id.isNull()) {
        set(entry, defaultEntry + ".", "Value", F.textNode(value));
        return;
      }
      for (String name : DEFAULTS) {
        if (customer.get(name) instanceof ObjectNode copy && sameId(copy.get("Id"), id)) {
          set(copy, name + ".", "Value", F.textNode(value));
        }
      }
      if (customer.get("MetaData") instanceof ArrayNode meta) {
        for (int i = 0; i < meta.size(); i++) {
          if (meta.get(i) instanceof ObjectNode copy && sameId(copy.get("Id"), id)) {
            set(copy, "MetaData[" + i + "].", "Value", F.textNode(value));
          }
        }
      }
    }

    /** One name part: the other comes from a Name of at most two words; more, or a business customer, is a warning. */
    void onePart(String first, String last) {
      String name = customer.get("Name") != null && customer.get("Name").isTextual() ? customer.get("Name").textValue() : "";
      String[] words = name.trim().isEmpty() ? new String[0] : name.trim().split("\\s+");
      if (isBusiness() || words.length > 2) {
        warnings++;
        return;
      }
      String f = first != null ? first : words.length > 0 ? words[0] : "";
      String l = last != null ? last : words.length > 1 ? words[1] : "";
      set(customer, "", "Name", F.textNode(l.isEmpty() ? f : f.isEmpty() ? l : f + " " + l));
    }

    private static boolean sameId(JsonNode a, JsonNode b) {
      return a != null && a.isNumber() && b.isNumber() && a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
  }

  // ---- the generator ----

  /** A real-shaped CustomerApiModel for {@link #ID}, as compact JSON. */
  static String generate(Random r) {
    Map<String, JsonNode> c = new LinkedHashMap<>();
    c.put("Id", F.numberNode(ID));
    maybe(r, c, "Name", () -> F.textNode(NAMES[r.nextInt(NAMES.length)]));
    maybe(r, c, "Email", () -> F.textNode("ada" + r.nextInt(100) + "@example.com"));
    maybe(r, c, "Tel1", () -> F.textNode("+49 30 " + r.nextInt(10_000_000)));
    maybe(r, c, "Tel2", () -> F.textNode("+49 170 " + r.nextInt(10_000_000)));
    maybe(r, c, "Number", () -> F.numberNode(r.nextInt(100_000)));
    maybe(r, c, "PriceGroupId", () -> F.numberNode(100_000_000_000_000L + r.nextInt(1000)));
    maybe(r, c, "LanguageId", () -> F.numberNode(1 + r.nextInt(5)));
    maybe(r, c, "VatId", () -> F.textNode("DE" + r.nextInt(1_000_000_000)));
    maybe(r, c, "Type", () -> F.numberNode(r.nextInt(2)));

    List<ObjectNode> entries = new ArrayList<>();
    int kind = r.nextInt(4);
    if (kind == 0) {
      c.put("MetaData", F.nullNode());
    } else if (kind == 1) {
      c.put("MetaData", F.arrayNode());
    } else if (kind == 2) {
      ArrayNode meta = F.arrayNode();
      for (int i = 0, n = 1 + r.nextInt(5); i < n; i++) {
        ObjectNode e = entry(r, 100_000_000_000_000L + i, i % 2 == 0 ? 1 : 2);
        entries.add(e);
        meta.add(e);
      }
      c.put("MetaData", meta);
    }
    for (String name : DEFAULTS) {
      int form = r.nextInt(6);
      if (form == 0) {
        continue;
      } else if (form == 1) {
        c.put(name, F.nullNode());
      } else if ((form == 2 || form == 3) && !entries.isEmpty()) {
        // A copy of a MetaData entry: the same record, maybe with properties of its own.
        ObjectNode copy = entries.get(r.nextInt(entries.size())).deepCopy();
        if (form == 3) {
          unknowns(r, copy, 1);
        }
        c.put(name, copy);
      } else if (form == 4) {
        ObjectNode own = entry(r, 200_000_000_000_000L + r.nextInt(1000), 1);
        if (r.nextBoolean()) {
          own.remove("Id");
        } else if (r.nextBoolean()) {
          own.putNull("Id");
        }
        c.put(name, own);
      } else {
        c.put(name, entry(r, 300_000_000_000_000L + r.nextInt(1000), 2));
      }
    }
    // Archived before and restored since, when archived at all: an archived customer is refused.
    boolean archived = r.nextInt(3) == 0;
    if (archived || r.nextBoolean()) {
      c.put("ArchivedAt", archived ? F.textNode(EARLIER_DATES[r.nextInt(EARLIER_DATES.length)]) : F.nullNode());
    }
    if (archived || r.nextBoolean()) {
      c.put("RestoredAt", archived || r.nextBoolean() ? F.textNode(DATES[r.nextInt(DATES.length)]) : F.nullNode());
    }
    ObjectNode customer = F.objectNode();
    c.forEach(customer::set);
    unknowns(r, customer, 0);
    return LosslessJson.text(customer);
  }

  private static ObjectNode entry(Random r, long id, int typeId) {
    ObjectNode e = F.objectNode();
    e.put("Id", id);
    e.put("TypeId", typeId);
    e.put("TypeName", typeId == 1 ? "E-Mail" : "Telefon");
    if (r.nextBoolean()) {
      e.put("SubType", r.nextBoolean() ? "private" : "mobile");
    } else {
      e.putNull("SubType");
    }
    int value = r.nextInt(4);
    if (value == 0) {
      e.putNull("Value");
    } else if (value > 1) {
      e.put("Value", typeId == 1 ? "x" + r.nextInt(100) + "@example.com" : "+49 " + r.nextInt(10_000_000));
    }
    unknowns(r, e, 1);
    return e;
  }

  /** Adds 0–3 unknown properties at random places of {@code node}, nesting up to three levels. */
  private static void unknowns(Random r, ObjectNode node, int depth) {
    int n = r.nextInt(4);
    if (n == 0) {
      return;
    }
    List<Map.Entry<String, JsonNode>> props = new ArrayList<>();
    node.fields().forEachRemaining(props::add);
    for (int i = 0; i < n; i++) {
      props.add(r.nextInt(props.size() + 1), Map.entry("Unknown" + depth + "_" + i + "_" + r.nextInt(1000), value(r, depth)));
    }
    node.removeAll();
    props.forEach(p -> node.set(p.getKey(), p.getValue()));
  }

  private static JsonNode value(Random r, int depth) {
    switch (r.nextInt(depth >= 3 ? 9 : 12)) {
      case 0:
        return F.numberNode(new BigDecimal("1.50"));
      case 1:
        return F.numberNode(new BigDecimal("1E+15"));
      case 2:
        return F.numberNode(new BigDecimal("-0.0010"));
      case 3:
        return F.numberNode(new BigInteger("9007199254740993"));
      case 4:
        return F.nullNode();
      case 5:
        return F.booleanNode(r.nextBoolean());
      case 6:
        return F.textNode(DATES[r.nextInt(DATES.length)]);
      case 7:
        return F.textNode("Grüße 😀 \u202E");
      case 8:
        return r.nextBoolean() ? F.arrayNode() : F.objectNode();
      case 9: {
        ObjectNode o = F.objectNode();
        o.put("Level", "gold");
        unknowns(r, o, depth + 1);
        return o;
      }
      case 10: {
        ArrayNode a = F.arrayNode();
        a.add(value(r, depth + 1)).addNull().add(value(r, depth + 1));
        return a;
      }
      default:
        return F.numberNode(r.nextInt());
    }
  }

  private static void maybe(Random r, Map<String, JsonNode> c, String name, java.util.function.Supplier<JsonNode> value) {
    int form = r.nextInt(5);
    if (form == 0) {
      return;
    }
    c.put(name, form == 1 ? F.nullNode() : value.get());
  }

  private void serve(String customer) {
    readEnvelope = envelope(customer);
  }

  private List<RecordedRequest> drain(int n) throws InterruptedException {
    List<RecordedRequest> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(server.takeRequest());
    }
    return out;
  }

  private static String envelope(String data) {
    return "{\"ErrorMessage\":null,\"ErrorCode\":0,\"ErrorDescription\":0,\"Data\":" + data + "}";
  }
}
