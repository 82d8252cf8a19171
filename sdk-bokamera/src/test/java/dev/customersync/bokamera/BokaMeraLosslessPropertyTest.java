package dev.customersync.bokamera;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.customersync.core.Address;
import dev.customersync.core.Customer;
import dev.customersync.core.CustomerUpdater;
import dev.customersync.core.FieldChange;
import dev.customersync.core.UpdatePlan;
import dev.customersync.core.UpdateResult;
import dev.customersync.core.json.LosslessJson;
import dev.customersync.core.spi.JsonTreeDiff;
import dev.customersync.testkit.FakeBokaMera;
import dev.customersync.testkit.RequestJournal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The lossless guarantee over generated, real-shaped BokaMera customers ({@code
 * CustomerQueryResponse} as in BokaMera's sample answer, with custom-field definitions and values,
 * comments, access keys with and without {@code Id}, an invoice address, dates in every documented
 * form, unknown properties at every level, nulls, empty lists and absent parts), through the real
 * client against {@link FakeBokaMera}:
 *
 * <ol type="a">
 *   <li>an empty neutral customer writes nothing: one request (the read), an empty plan;
 *   <li>each neutral field BokaMera holds, set alone, gives a PUT whose body equals the read
 *       projected onto UpdateCustomer with exactly that field's path changed, and {@code changes()}
 *       names exactly that path;
 *   <li>no update makes BokaMera (the fake) create an access key.
 * </ol>
 *
 * <p>The expected body is built here from the documented rules, independently of the client: the
 * read's scalars as read, {@code CustomFieldValues} entries with an int id and a value as {@code
 * {Id, Value}}, access keys with a GUID id whole, the invoice address less its two read-only ids,
 * nothing else.
 */
class BokaMeraLosslessPropertyTest {

  private static final int SEEDS = 300;
  private static final JsonNodeFactory NODES = LosslessJson.mapper().getNodeFactory();
  private static final String EMPTY_GUID = "00000000-0000-0000-0000-000000000000";
  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
  private static final List<String> COUNTRIES = List.of("SE", "NO", "DK", "FI", "DE", "GB");

  private static FakeBokaMera fake;
  private static BokaMeraClient plain;
  private static BokaMeraClient withCompany;

  @BeforeAll
  static void start() {
    fake = new FakeBokaMera();
    fake.start();
    plain = client(false);
    withCompany = client(true);
  }

  @AfterAll
  static void stop() {
    plain.close();
    withCompany.close();
    fake.close();
  }

  private static BokaMeraClient client(boolean company) {
    BokaMeraClient.Builder b = BokaMeraClient.builder().baseUrl(fake.baseUrl()).apiKey(fake.apiKey())
        .accessToken(fake.issueAccessToken()).retryPolicy(Samples.fastRetries());
    if (company) {
      b.companyId(fake.companyId());
    }
    return b.build();
  }

  static Stream<Long> seeds() {
    return IntStream.range(0, SEEDS).mapToObj(i -> 7919L * i + 17);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void anEmptyCustomerWritesNothingAndOneFieldChangesOnlyItsPath(long seed) {
    Random r = new Random(seed);
    UUID id = new UUID(r.nextLong(), r.nextLong());
    boolean company = r.nextBoolean();
    CustomerUpdater updater = (company ? withCompany : plain).customerUpdater();
    fake.answersAccessKeyIds(r.nextBoolean());
    String seeded = LosslessJson.text(customer(r, id));
    fake.putCustomerAsIs(id, seeded);
    long keysBefore = fake.keysCreated();

    // (a) nothing set, nothing written
    fake.journal().clear();
    UpdateResult nothing = updater.update(id.toString(), Customer.builder().build());
    UpdatePlan plan = updater.plan(id.toString(), Customer.builder().build());

    assertThat(nothing.written()).as("seed %d", seed).isFalse();
    assertThat(nothing.changes()).isEmpty();
    assertThat(nothing.attempts()).isEqualTo(1);
    assertThat(plan.isEmpty()).as("seed %d", seed).isTrue();
    assertThat(fake.journal().entries()).extracting(RequestJournal.Entry::method).containsExactly("GET", "GET");

    // (b) one field at a time; (c) no key created by any of them
    JsonNode answered = fake.customerAsAnswered(id).orElseThrow();
    for (Edit edit : edits(r, answered)) {
      fake.putCustomerAsIs(id, seeded);
      ObjectNode expected = expectedBody(answered, company ? fake.companyId() : null);
      edit.apply.accept(expected);
      fake.journal().clear();

      UpdateResult result = updater.update(id.toString(), edit.change);

      List<RequestJournal.Entry> sent = fake.journal().entries();
      assertThat(sent).extracting(RequestJournal.Entry::method).as("seed %d, %s", seed, edit.name)
          .containsExactly("GET", "PUT");
      JsonNode body = tree(sent.get(1).body());
      assertThat(JsonTreeDiff.same(body, expected))
          .as("seed %d, %s: PUT body%n  %s%nexpected%n  %s", seed, edit.name, LosslessJson.text(body),
              LosslessJson.text(expected))
          .isTrue();
      assertThat(result.written()).isTrue();
      assertThat(result.changes()).extracting(FieldChange::field).as("seed %d, %s", seed, edit.name)
          .containsExactly(edit.path);
      assertThat(fake.keysCreated()).as("seed %d, %s: keys created", seed, edit.name).isEqualTo(keysBefore);
    }
    assertThat(fake.keysCreated()).isEqualTo(keysBefore);
  }

  // ---- the expected body, from the documented rules ------------------------------------------

  private static ObjectNode expectedBody(JsonNode read, @Nullable UUID company) {
    ObjectNode b = NODES.objectNode();
    if (company != null) {
      b.put("CompanyId", company.toString());
    }
    for (String name : List.of("Firstname", "Lastname", "Phone", "Email", "SubscribedToNewsletter")) {
      if (read.has(name)) {
        b.set(name, read.get(name).deepCopy());
      }
    }
    JsonNode values = read.get("CustomFieldValues");
    if (values != null && values.isNull()) {
      b.putNull("CustomFields");
    } else if (values != null) {
      ArrayNode fields = b.putArray("CustomFields");
      for (JsonNode v : values) {
        if (v.path("Id").isIntegralNumber() && v.hasNonNull("Value")) {
          fields.addObject().<ObjectNode>set("Id", v.get("Id").deepCopy()).set("Value", v.get("Value").deepCopy());
        }
      }
    }
    JsonNode keys = read.get("AccessKeys");
    if (keys != null && keys.isNull()) {
      b.putNull("AccessKeys");
    } else if (keys != null) {
      ArrayNode sent = b.putArray("AccessKeys");
      for (JsonNode k : keys) {
        JsonNode kid = k.get("Id");
        if (kid != null && kid.isTextual() && !kid.textValue().equals(EMPTY_GUID)) {
          sent.add(k.deepCopy());
        }
      }
    }
    JsonNode invoice = read.get("InvoiceAddress");
    if (invoice != null && invoice.isNull()) {
      b.putNull("InvoiceAddress");
    } else if (invoice != null) {
      ObjectNode a = invoice.deepCopy();
      a.remove(List.of("InvoiceAddressId", "UserId"));
      b.set("InvoiceAddress", a);
    }
    return b;
  }

  /** One neutral field set alone, the edit it must make to the expected body, and the path it changes. */
  private record Edit(String name, Customer change, Consumer<ObjectNode> apply, String path) {}

  private static List<Edit> edits(Random r, JsonNode read) {
    List<Edit> out = new ArrayList<>();
    String first = differentFrom(read, "Firstname", name(r));
    out.add(new Edit("firstName", Customer.builder().firstName(first).build(), b -> b.put("Firstname", first), "Firstname"));
    String last = differentFrom(read, "Lastname", name(r));
    out.add(new Edit("lastName", Customer.builder().lastName(last).build(), b -> b.put("Lastname", last), "Lastname"));
    String email = differentFrom(read, "Email", "new" + r.nextInt(1_000_000) + "@example.com");
    out.add(new Edit("email", Customer.builder().email(email).build(), b -> b.put("Email", email), "Email"));
    String phone = differentFrom(read, "Phone", "+46 70 " + r.nextInt(1000) + " " + r.nextInt(100));
    out.add(new Edit("phone", Customer.builder().phone(phone).build(), b -> b.put("Phone", phone), "Phone"));
    JsonNode held = read.get("SubscribedToNewsletter");
    boolean subscribe = held == null || !held.isBoolean() || !held.booleanValue();
    out.add(new Edit("newsletterSubscribed", Customer.builder().newsletterSubscribed(subscribe).build(),
        b -> b.put("SubscribedToNewsletter", subscribe), "SubscribedToNewsletter"));

    JsonNode invoice = read.get("InvoiceAddress");
    boolean hasInvoice = invoice != null && invoice.isObject();
    String org = differentFrom(invoice, "CorporateIdentityNumber", "55" + r.nextInt(10000) + "-" + r.nextInt(10000));
    out.add(invoiceEdit("organizationNumber", Customer.builder().organizationNumber(org).build(),
        "CorporateIdentityNumber", org, hasInvoice));
    String line1 = differentFrom(invoice, "InvoiceAddress1", "Gatan " + r.nextInt(200) + " ☃");
    out.add(invoiceEdit("invoiceAddress.line1", inInvoice(Address.builder().line1(line1)), "InvoiceAddress1", line1,
        hasInvoice));
    String line2 = differentFrom(invoice, "InvoiceAddress2", "Box " + r.nextInt(999));
    out.add(invoiceEdit("invoiceAddress.line2", inInvoice(Address.builder().line2(line2)), "InvoiceAddress2", line2,
        hasInvoice));
    String postal = differentFrom(invoice, "InvoicePostalCode", (100 + r.nextInt(900)) + " " + (10 + r.nextInt(90)));
    out.add(invoiceEdit("invoiceAddress.postalCode", inInvoice(Address.builder().postalCode(postal)),
        "InvoicePostalCode", postal, hasInvoice));
    String city = differentFrom(invoice, "InvoiceCity", name(r) + "stad");
    out.add(invoiceEdit("invoiceAddress.city", inInvoice(Address.builder().city(city)), "InvoiceCity", city, hasInvoice));
    String country = COUNTRIES.get(r.nextInt(COUNTRIES.size()));
    if (invoice != null && country.equals(invoice.path("InvoiceCountryCode").asText())) {
      country = "NL";
    }
    String newCountry = country;
    out.add(invoiceEdit("invoiceAddress.countryCode", inInvoice(Address.builder().countryCode(newCountry)),
        "InvoiceCountryCode", newCountry, hasInvoice));

    // Custom fields: one the body already carries (its Value changes in place), one it does not.
    JsonNode values = read.get("CustomFieldValues");
    List<Integer> carried = new ArrayList<>();
    if (values != null && values.isArray()) {
      for (JsonNode v : values) {
        if (v.path("Id").isIntegralNumber() && v.hasNonNull("Value")) {
          carried.add(v.get("Id").intValue());
        }
      }
    }
    if (!carried.isEmpty()) {
      int index = r.nextInt(carried.size());
      int fieldId = carried.get(index);
      String value = differentFrom(values.get(indexOfId(values, fieldId)), "Value", "värde " + r.nextInt(1000));
      out.add(new Edit("customFields[" + fieldId + "]", Customer.builder().putCustomFields(Integer.toString(fieldId), value)
          .build(), b -> ((ObjectNode) b.get("CustomFields").get(index)).put("Value", value),
          "CustomFields[" + index + "].Value"));
    }
    int fresh = 900 + r.nextInt(99);
    String freshValue = "ny " + r.nextInt(1000);
    boolean listHeld = values != null && values.isArray();
    out.add(new Edit("customFields[" + fresh + "] (new)", Customer.builder().putCustomFields(Integer.toString(fresh), freshValue)
        .build(), b -> {
          ObjectNode field = NODES.objectNode().put("Id", fresh).put("Value", freshValue);
          if (listHeld) {
            ((ArrayNode) b.get("CustomFields")).add(field);
          } else {
            b.putArray("CustomFields").add(field);
          }
        }, listHeld ? "CustomFields[" + carried.size() + "]" : "CustomFields"));
    return out;
  }

  private static Customer inInvoice(Address.Builder address) {
    return Customer.builder().invoiceAddress(address.build()).build();
  }

  private static Edit invoiceEdit(String name, Customer change, String property, String value, boolean hasInvoice) {
    if (hasInvoice) {
      return new Edit(name, change, b -> ((ObjectNode) b.get("InvoiceAddress")).put(property, value),
          "InvoiceAddress." + property);
    }
    // No invoice address held: one is created holding only what was set.
    return new Edit(name, change, b -> b.putObject("InvoiceAddress").put(property, value), "InvoiceAddress");
  }

  private static int indexOfId(JsonNode values, int fieldId) {
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i).path("Id").isIntegralNumber() && values.get(i).get("Id").intValue() == fieldId) {
        return i;
      }
    }
    throw new IllegalStateException("no custom field " + fieldId);
  }

  private static String differentFrom(@Nullable JsonNode node, String property, String candidate) {
    JsonNode held = node == null ? null : node.get(property);
    return held != null && held.isTextual() && held.textValue().equals(candidate) ? candidate + " 2" : candidate;
  }

  // ---- generated customers, shaped like BokaMera's CustomerQueryResponse sample ---------------

  private static ObjectNode customer(Random r, UUID id) {
    ObjectNode c = NODES.objectNode();
    String idText = r.nextBoolean() ? id.toString() : id.toString().toUpperCase(Locale.ROOT);
    c.put("Id", idText);
    // BokaMera refuses a customer without names, so every customer it holds has both.
    c.put("Firstname", name(r));
    c.put("Lastname", name(r));
    optionalText(r, c, "Email", "held" + r.nextInt(1000) + "@example.com");
    optionalText(r, c, "Phone", "+46 8 " + r.nextInt(1000) + " " + r.nextInt(100));
    optionalText(r, c, "ImageUrl", "https://img.example.com/" + r.nextInt(100) + ".png");
    optionalList(r, c, "CustomFields", () -> customFieldDefinition(r));
    customFieldValues(r, c);
    optionalList(r, c, "Comments", () -> comment(r, idText));
    optionalList(r, c, "AccessKeys", () -> accessKey(r, idText));
    optional(r, c, "Updated", () -> NODES.textNode(date(r)));
    optional(r, c, "Created", () -> NODES.textNode(date(r)));
    optional(r, c, "ResponseStatus", NODES::objectNode);
    optional(r, c, "SubscribedToNewsletter", () -> NODES.booleanNode(r.nextBoolean()));
    optional(r, c, "InvoiceAddress", () -> invoiceAddress(r, idText));
    return withUnknowns(r, c, 0);
  }

  private static void customFieldValues(Random r, ObjectNode c) {
    int pick = r.nextInt(8);
    if (pick == 0) {
      return;
    }
    if (pick == 1) {
      c.putNull("CustomFieldValues");
      return;
    }
    ArrayNode values = c.putArray("CustomFieldValues");
    List<Integer> ids = new ArrayList<>(IntStream.rangeClosed(1, 30).boxed().toList());
    Collections.shuffle(ids, r);
    int n = pick == 2 ? 0 : r.nextInt(5);
    for (int i = 0; i < n; i++) {
      ObjectNode v = NODES.objectNode();
      v.put("Id", ids.get(i)).put("Column", "TextField" + ids.get(i)).put("Name", "Field " + ids.get(i))
          .put("Description", "");
      switch (r.nextInt(5)) {
        case 0 -> v.putNull("Value");
        case 1 -> { }
        default -> v.put("Value", r.nextBoolean() ? name(r) : "");
      }
      v.put("DataType", "TextBox");
      values.add(withUnknowns(r, v, 1));
    }
  }

  private static ObjectNode customFieldDefinition(Random r) {
    ObjectNode d = NODES.objectNode();
    d.put("Id", r.nextInt(30)).put("Name", "Number of persons").put("Description", "For how many?")
        .put("Width", 20).put("DataType", "TextBox").put("DefaultValue", "3").put("IsMandatory", false)
        .put("MandatoryErrorMessage", "").put("MaxLength", 50).put("MultipleLineText", false).putNull("RegEx")
        .put("RegExErrorMessage", "");
    d.putArray("Values").addObject().put("Value", "1");
    return withUnknowns(r, d, 1);
  }

  private static ObjectNode comment(Random r, String customerId) {
    ObjectNode c = NODES.objectNode();
    c.put("Id", r.nextInt(1000)).put("CustomerId", customerId).put("Comments", "Likes tea")
        .put("Updated", date(r)).put("Created", date(r)).putNull("ImageUrl");
    return withUnknowns(r, c, 1);
  }

  private static ObjectNode accessKey(Random r, String customerId) {
    ObjectNode k = NODES.objectNode();
    switch (r.nextInt(5)) {
      case 0 -> { }
      case 1 -> k.putNull("Id");
      case 2 -> k.put("Id", EMPTY_GUID);
      default -> {
        String guid = new UUID(r.nextLong(), r.nextLong()).toString();
        k.put("Id", r.nextBoolean() ? guid : guid.toUpperCase(Locale.ROOT));
      }
    }
    k.put("CompanyId", new UUID(r.nextLong(), r.nextLong()).toString()).put("AccessKeyTypeId", r.nextInt(3))
        .put("Value", "CARD-" + r.nextInt(10000)).put("CustomerId", customerId);
    optionalText(r, k, "Description", "Gym card");
    return withUnknowns(r, k, 1);
  }

  private static ObjectNode invoiceAddress(Random r, String customerId) {
    ObjectNode a = NODES.objectNode();
    optional(r, a, "InvoiceAddressId", () -> NODES.textNode(new UUID(r.nextLong(), r.nextLong()).toString()));
    optional(r, a, "UserId", () -> NODES.textNode(customerId));
    optionalText(r, a, "CorporateIdentityNumber", "556677-" + r.nextInt(10000));
    optionalText(r, a, "InvoiceAddress1", "Storgatan " + r.nextInt(100));
    optionalText(r, a, "InvoiceAddress2", "");
    optionalText(r, a, "InvoiceCity", "Stockholm");
    optionalText(r, a, "InvoicePostalCode", "111 22");
    optionalText(r, a, "InvoiceCountryCode", "SE");
    return withUnknowns(r, a, 1);
  }

  /** {@code node} with 0–3 unknown properties inserted at random places. */
  private static ObjectNode withUnknowns(Random r, ObjectNode node, int depth) {
    int n = r.nextInt(4);
    if (n == 0) {
      return node;
    }
    List<Map.Entry<String, JsonNode>> props = new ArrayList<>(node.properties());
    for (int i = 0; i < n; i++) {
      props.add(r.nextInt(props.size() + 1), Map.entry("Ext" + (char) ('A' + i) + r.nextInt(100), unknownValue(r, depth)));
    }
    ObjectNode out = NODES.objectNode();
    props.forEach(e -> out.set(e.getKey(), e.getValue()));
    return out;
  }

  private static JsonNode unknownValue(Random r, int depth) {
    return switch (r.nextInt(depth >= 3 ? 10 : 12)) {
      case 0 -> NODES.textNode(r.nextBoolean() ? "Åsa 😀 \"quoted\" \\ /" : "");
      case 1 -> NODES.textNode(date(r));
      case 2 -> number("1.50");
      case 3 -> number("1E+15");
      case 4 -> number("12345678901234567890");
      case 5 -> number(r.nextBoolean() ? "0.10" : "-7");
      case 6 -> NODES.booleanNode(r.nextBoolean());
      case 7 -> NODES.nullNode();
      case 8 -> NODES.objectNode();
      case 9 -> NODES.arrayNode();
      case 10 -> {
        ObjectNode o = NODES.objectNode();
        o.put("Kind", "nested");
        yield withUnknowns(r, o, depth + 1);
      }
      default -> {
        ArrayNode a = NODES.arrayNode();
        for (int i = r.nextInt(4); i > 0; i--) {
          a.add(unknownValue(r, depth + 1));
        }
        yield a;
      }
    };
  }

  /** A date in one of the forms BokaMera may answer with (ISO 8601 with and without offset, both WCF forms). */
  private static String date(Random r) {
    Instant instant = Instant.ofEpochMilli(946_684_800_000L + (long) (r.nextDouble() * 1_000_000_000_000L));
    ZoneOffset offset = ZoneOffset.ofTotalSeconds(((r.nextInt(25) - 12) * 60 + (r.nextBoolean() ? 0 : 30)) * 60);
    return switch (r.nextInt(6)) {
      case 0 -> FakeBokaMera.DateForm.ISO_OFFSET.format(instant.atOffset(offset));
      case 1 -> FakeBokaMera.DateForm.ISO_LOCAL.format(instant.atOffset(offset));
      case 2 -> FakeBokaMera.DateForm.WCF.format(instant.atOffset(offset));
      case 3 -> FakeBokaMera.DateForm.WCF_OFFSET.format(instant.atOffset(offset));
      // .NET's own ISO spellings: seven fraction digits, and Z for UTC.
      case 4 -> SECONDS.format(instant.atOffset(offset)) + ".1234567" + offset.getId().replace("Z", "+00:00");
      default -> instant.toString();
    };
  }

  private static void optional(Random r, ObjectNode node, String name, Supplier<JsonNode> value) {
    switch (r.nextInt(6)) {
      case 0 -> { }
      case 1 -> node.putNull(name);
      default -> node.set(name, value.get());
    }
  }

  private static void optionalText(Random r, ObjectNode node, String name, String value) {
    optional(r, node, name, () -> NODES.textNode(value));
  }

  private static void optionalList(Random r, ObjectNode node, String name, Supplier<JsonNode> item) {
    optional(r, node, name, () -> {
      ArrayNode list = NODES.arrayNode();
      for (int i = r.nextInt(4); i > 0; i--) {
        list.add(item.get());
      }
      return list;
    });
  }

  private static String name(Random r) {
    List<String> names = List.of("Ada", "Åsa", "Björn", "Zoë", "José", "Łukasz", "李", "Ingrid 😀", "O'Neil");
    return names.get(r.nextInt(names.size())) + r.nextInt(100);
  }

  private static JsonNode number(String literal) {
    return tree(literal);
  }

  private static JsonNode tree(String json) {
    try {
      return LosslessJson.read(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
