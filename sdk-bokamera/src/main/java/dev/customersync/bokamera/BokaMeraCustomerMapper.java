package dev.customersync.bokamera;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.customersync.core.Address;
import dev.customersync.core.Customer;
import dev.customersync.core.json.LosslessJson;
import dev.customersync.core.spi.JsonEdits;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Maps between the neutral {@link Customer} and BokaMera's customer JSON: the projection of a
 * customer as read ({@code CustomerQueryResponse}) onto the body of UpdateCustomer, the merge of a
 * caller's changes into that body, the warnings for neutral fields BokaMera has no place for, and
 * the way back from BokaMera's answer. The table is in the package documentation.
 *
 * <p>The read and the write are different DTOs, so the body is built from the read part by part,
 * every value copied as the JSON node read (never re-formatted):
 *
 * <ul>
 *   <li>{@code Firstname}, {@code Lastname}, {@code Phone}, {@code Email}, {@code
 *       SubscribedToNewsletter}: as read, null included; absent stays absent.
 *   <li>{@code InvoiceAddress}: the read object minus {@code InvoiceAddressId} and {@code UserId}.
 *       BokaMera's JavaScript DTO listing gives the read and the write one class ({@code
 *       InvoiceAddress}), so any property this SDK does not know is taken to belong to that class
 *       and travels with it. The two ids are known to be read-only: the metadata page lists them
 *       on {@code InvoiceAddressResponse} only, not on {@code InvoiceAddressToHandle}.
 *   <li>{@code CustomFields}: one {@code {Id, Value}} per read {@code CustomFieldValues} entry that
 *       has an integral {@code Id} and a value. {@code AddCustomField} has nothing but these two, so
 *       the entry's other properties (Column, Name, DataType and any unknown one) describe the field
 *       for display and do not travel.
 *   <li>{@code AccessKeys}: see {@link #isAddressableKey}. {@code UserAccessKeys} (read) and {@code
 *       AddUserAccessKey} (write) have the same properties, so a key travels whole, unknown
 *       properties included.
 *   <li>Unknown properties at the top level, and the read-only ones ({@code Id}, {@code ImageUrl},
 *       {@code CustomFields} definitions, {@code Comments}, {@code Created}, {@code Updated},
 *       {@code ResponseStatus}) do not travel: UpdateCustomer has no place for them, and BokaMera
 *       keeps them whatever is sent. The customer id travels in the path; {@code
 *       AccessKeysToDelete} is never sent.
 * </ul>
 */
final class BokaMeraCustomerMapper {

  // BokaMera custom fields are identified by their int id; any other key belongs to another vendor.
  private static final Pattern CUSTOM_FIELD_ID = Pattern.compile("^[0-9]{1,9}$");
  private static final List<String> SCALARS = List.of("Firstname", "Lastname", "Phone", "Email");
  private static final Set<String> READ_ONLY_INVOICE_PROPERTIES = Set.of("InvoiceAddressId", "UserId");
  private static final String EMPTY_GUID = "00000000-0000-0000-0000-000000000000";

  private BokaMeraCustomerMapper() {}

  /** One warning per neutral field that is set but that BokaMera cannot hold. */
  static List<String> warnings(Customer c) {
    List<String> w = new ArrayList<>();
    c.mobilePhone().ifPresent(x -> w.add("mobilePhone was not sent: a BokaMera customer has a single Phone"));
    c.companyName().ifPresent(x -> w.add("companyName was not sent: a BokaMera customer has no company name"));
    c.vatId().ifPresent(x -> w.add("vatId was not sent: a BokaMera customer has no VAT number"));
    c.deliveryAddresses().ifPresent(x -> w.add("deliveryAddresses were not sent: a BokaMera customer has no delivery addresses"));
    c.externalCode().ifPresent(x -> w.add("externalCode was not sent: a BokaMera customer has no external code"));
    c.languageTag().ifPresent(x -> w.add("languageTag was not sent: a BokaMera customer has no language"));
    c.active().ifPresent(x -> w.add("active was not sent: a BokaMera customer cannot be switched on or off"));
    c.invoiceAddress().ifPresent(a -> {
      a.careOf().ifPresent(x -> w.add("invoiceAddress.careOf was not sent: a BokaMera invoice address has no c/o line"));
      a.region().ifPresent(x -> w.add("invoiceAddress.region was not sent: a BokaMera invoice address has no region"));
    });
    for (String key : c.customFields().keySet()) {
      if (!CUSTOM_FIELD_ID.matcher(key).matches()) {
        w.add("customFields[" + key + "] was not sent: BokaMera custom fields are keyed by their numeric id");
      }
    }
    return w;
  }

  /**
   * The UpdateCustomer body that changes nothing: {@code read} (one {@code CustomerQueryResponse})
   * projected onto UpdateCustomer as the class documentation describes, plus {@code CompanyId}
   * when the client has a default company (as the query parameter the write carries).
   */
  static ObjectNode project(JsonNode read, @Nullable UUID companyId) {
    ObjectNode body = LosslessJson.mapper().createObjectNode();
    if (companyId != null) {
      body.put("CompanyId", companyId.toString());
    }
    for (String name : SCALARS) {
      copy(read, body, name);
    }
    JsonNode values = read.get("CustomFieldValues");
    if (values != null && values.isNull()) {
      body.putNull("CustomFields");
    } else if (values != null && values.isArray()) {
      ArrayNode fields = body.putArray("CustomFields");
      for (JsonNode v : values) {
        JsonNode id = v.get("Id");
        JsonNode value = v.get("Value");
        // An entry without a value carries nothing to keep; under BokaMera's upsert by id, leaving
        // it out keeps it, while sending it could create an empty value where none was stored.
        if (id != null && id.isIntegralNumber() && value != null && !value.isNull()) {
          fields.addObject().<ObjectNode>set("Id", id.deepCopy()).set("Value", value.deepCopy());
        }
      }
    }
    JsonNode keys = read.get("AccessKeys");
    if (keys != null && keys.isNull()) {
      body.putNull("AccessKeys");
    } else if (keys != null && keys.isArray()) {
      ArrayNode sent = body.putArray("AccessKeys");
      for (JsonNode key : keys) {
        if (isAddressableKey(key)) {
          sent.add(key.deepCopy());
        }
      }
    }
    copy(read, body, "SubscribedToNewsletter");
    JsonNode invoice = read.get("InvoiceAddress");
    if (invoice != null && invoice.isNull()) {
      body.putNull("InvoiceAddress");
    } else if (invoice != null && invoice.isObject()) {
      ObjectNode address = body.putObject("InvoiceAddress");
      for (Map.Entry<String, JsonNode> e : invoice.properties()) {
        if (!READ_ONLY_INVOICE_PROPERTIES.contains(e.getKey())) {
          address.set(e.getKey(), e.getValue().deepCopy());
        }
      }
    }
    return body;
  }

  /**
   * Whether a read access key may be sent back: only one with an {@code Id} (a GUID, not the empty
   * one).
   *
   * <p>{@code AddUserAccessKey} says "specify 'Id' to update an existing access key, leave empty to
   * create a new one", and BokaMera's own sample answer lists keys without {@code Id}. A key sent
   * back without its id would therefore be created again on every update and on every retry of
   * one. Since deletions go through the separate {@code AccessKeysToDelete} list, {@code
   * AccessKeys} is taken to be upsert-only: a key left out is neither created nor deleted. So the
   * keys with an id go back exactly as read and the others are left out. The empty GUID is what
   * .NET sends for an unset {@code Guid}; whether BokaMera reads it as "create" is undocumented, so
   * it counts as no id.
   */
  static boolean isAddressableKey(JsonNode key) {
    if (!key.isObject()) {
      return false;
    }
    JsonNode id = key.get("Id");
    return id != null && id.isTextual() && BokaMeraIds.isGuid(id.textValue()) && !EMPTY_GUID.equals(id.textValue());
  }

  /**
   * Applies {@code c} to {@code body} (a {@link #project projection}) in place, touching only what
   * {@code c} sets and keeping every node whose value does not change; returns the warnings for
   * what BokaMera cannot hold.
   */
  static List<String> merge(ObjectNode body, Customer c) {
    c.firstName().ifPresent(v -> JsonEdits.setText(body, "Firstname", v));
    c.lastName().ifPresent(v -> JsonEdits.setText(body, "Lastname", v));
    c.phone().ifPresent(v -> JsonEdits.setText(body, "Phone", v));
    c.email().ifPresent(v -> JsonEdits.setText(body, "Email", v));
    c.newsletterSubscribed().ifPresent(v -> JsonEdits.setBoolean(body, "SubscribedToNewsletter", v));
    mergeInvoiceAddress(body, c);
    mergeCustomFields(body, c.customFields());
    return warnings(c);
  }

  /** BokaMera's customer in neutral terms: the fields the mapping covers, as BokaMera holds them. */
  static Customer toNeutral(JsonNode r) {
    Customer.Builder b = Customer.builder();
    text(r, "Firstname").ifPresent(b::firstName);
    text(r, "Lastname").ifPresent(b::lastName);
    text(r, "Email").ifPresent(b::email);
    text(r, "Phone").ifPresent(b::phone);
    JsonNode newsletter = r.get("SubscribedToNewsletter");
    if (newsletter != null && newsletter.isBoolean()) {
      b.newsletterSubscribed(newsletter.booleanValue());
    }
    JsonNode ia = r.get("InvoiceAddress");
    if (ia != null && ia.isObject()) {
      text(ia, "CorporateIdentityNumber").ifPresent(b::organizationNumber);
      Address.Builder a = Address.builder();
      text(ia, "InvoiceAddress1").ifPresent(a::line1);
      text(ia, "InvoiceAddress2").ifPresent(a::line2);
      text(ia, "InvoicePostalCode").ifPresent(a::postalCode);
      text(ia, "InvoiceCity").ifPresent(a::city);
      text(ia, "InvoiceCountryCode").ifPresent(a::countryCode);
      Address address = a.build();
      if (!address.equals(Address.builder().build())) {
        b.invoiceAddress(address);
      }
    }
    JsonNode values = r.get("CustomFieldValues");
    if (values != null && values.isArray()) {
      for (JsonNode v : values) {
        JsonNode id = v.get("Id");
        JsonNode value = v.get("Value");
        if (id != null && id.isIntegralNumber() && value != null && value.isTextual()) {
          b.putCustomFields(id.asText(), value.textValue());
        }
      }
    }
    return b.build();
  }

  private static void mergeInvoiceAddress(ObjectNode body, Customer c) {
    Optional<Address> a = c.invoiceAddress();
    boolean changes = c.organizationNumber().isPresent() || a.isPresent() && (a.get().line1().isPresent()
        || a.get().line2().isPresent() || a.get().postalCode().isPresent() || a.get().city().isPresent()
        || a.get().countryCode().isPresent());
    if (!changes) {
      return;
    }
    ObjectNode held = JsonEdits.object(body, "InvoiceAddress");
    // A customer without an invoice address gets one holding only what the caller set.
    ObjectNode address = held != null ? held : body.objectNode();
    c.organizationNumber().ifPresent(v -> JsonEdits.setText(address, "CorporateIdentityNumber", v));
    a.flatMap(Address::line1).ifPresent(v -> JsonEdits.setText(address, "InvoiceAddress1", v));
    a.flatMap(Address::line2).ifPresent(v -> JsonEdits.setText(address, "InvoiceAddress2", v));
    a.flatMap(Address::city).ifPresent(v -> JsonEdits.setText(address, "InvoiceCity", v));
    a.flatMap(Address::postalCode).ifPresent(v -> JsonEdits.setText(address, "InvoicePostalCode", v));
    a.flatMap(Address::countryCode).ifPresent(v -> JsonEdits.setText(address, "InvoiceCountryCode", v));
    if (held == null) {
      body.set("InvoiceAddress", address);
    }
  }

  private static void mergeCustomFields(ObjectNode body, Map<String, String> set) {
    for (Map.Entry<String, String> e : set.entrySet()) {
      if (!CUSTOM_FIELD_ID.matcher(e.getKey()).matches()) {
        continue;
      }
      int fieldId = Integer.parseInt(e.getKey());
      ArrayNode fields = body.get("CustomFields") instanceof ArrayNode held ? held : body.putArray("CustomFields");
      boolean found = false;
      for (JsonNode field : fields) {
        JsonNode id = field.get("Id");
        if (field instanceof ObjectNode o && id != null && id.isIntegralNumber() && id.canConvertToLong()
            && id.longValue() == fieldId) {
          JsonEdits.setText(o, "Value", e.getValue());
          found = true;
        }
      }
      if (!found) {
        fields.addObject().put("Id", fieldId).put("Value", e.getValue());
      }
    }
  }

  private static void copy(JsonNode from, ObjectNode to, String name) {
    JsonNode value = from.get(name);
    if (value != null) {
      to.set(name, value.deepCopy());
    }
  }

  private static Optional<String> text(JsonNode node, String name) {
    JsonNode v = node.get(name);
    return v != null && v.isTextual() ? Optional.of(v.textValue()) : Optional.empty();
  }
}
