package dev.customersync.testkit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.customersync.core.Address;
import dev.customersync.core.Customer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * A neutral {@link Customer} as each vendor's JSON, for seeding the fakes with {@code seed(Customer)}.
 *
 * <p>Written here from the vendors' documented shapes, not taken from the vendor modules' mappers:
 * the testkit imports no vendor module, and a fake that reused the client's mapping could not
 * disagree with it. It covers what a test needs to set up a customer; a field the vendor cannot
 * hold is refused with {@link IllegalArgumentException} (seed raw JSON for anything more exotic).
 */
final class NeutralCustomerJson {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Pattern INT32 = Pattern.compile("^\\d{1,10}$");

  private NeutralCustomerJson() {}

  /** Billbee's CustomerApiModel: one {@code Name} (the company's for a business customer, {@code Type} 1). */
  static ObjectNode billbee(Customer c) {
    refuse(c.organizationNumber(), "organizationNumber", "Billbee");
    refuse(c.newsletterSubscribed(), "newsletterSubscribed", "Billbee");
    refuse(c.active(), "active", "Billbee");
    refuse(c.deliveryAddresses(), "deliveryAddresses", "Billbee");
    refuse(c.invoiceAddress(), "invoiceAddress", "Billbee");
    refuse(c.languageTag(), "languageTag", "Billbee");
    if (!c.customFields().isEmpty()) {
      throw new IllegalArgumentException("customFields: Billbee's customer has none; seed raw JSON instead");
    }
    ObjectNode o = NODES.objectNode();
    if (c.companyName().isPresent()) {
      o.put("Name", c.companyName().get());
      o.put("Type", 1);
    } else {
      String name = (c.firstName().orElse("") + " " + c.lastName().orElse("")).trim();
      o.put("Name", name.isEmpty() ? null : name);
      o.put("Type", 0);
    }
    o.put("Email", c.email().orElse(null));
    o.put("Tel1", c.phone().orElse(null));
    o.put("Tel2", c.mobilePhone().orElse(null));
    o.put("VatId", c.vatId().orElse(null));
    if (c.externalCode().isPresent()) {
      String code = c.externalCode().get();
      if (!INT32.matcher(code).matches() || Long.parseLong(code) > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("externalCode: Billbee's Number is a whole number, was '" + code + "'");
      }
      o.put("Number", Integer.parseInt(code));
    } else {
      o.putNull("Number");
    }
    o.putNull("PriceGroupId");
    o.putNull("LanguageId");
    o.putArray("MetaData");
    o.putNull("ArchivedAt");
    o.putNull("RestoredAt");
    return o;
  }

  /** Storm's Customer: the company becomes {@code Companies[0]}, custom fields {@code Info} entries. */
  static ObjectNode storm(Customer c) {
    refuse(c.newsletterSubscribed(), "newsletterSubscribed", "Storm (seed a Flag through raw JSON)");
    refuse(c.languageTag(), "languageTag", "Storm");
    ObjectNode o = NODES.objectNode();
    c.firstName().ifPresent(v -> o.put("FirstName", v));
    c.lastName().ifPresent(v -> o.put("LastName", v));
    c.email().ifPresent(v -> o.put("Email", v));
    c.phone().ifPresent(v -> o.put("Phone", v));
    c.mobilePhone().ifPresent(v -> o.put("CellPhone", v));
    c.externalCode().ifPresent(v -> o.put("Code", v));
    o.put("IsActive", c.active().orElse(true));
    if (c.companyName().isPresent() || c.organizationNumber().isPresent() || c.vatId().isPresent()) {
      if (c.companyName().isEmpty()) {
        throw new IllegalArgumentException("organizationNumber, vatId: Storm keeps them on a company, which needs companyName");
      }
      ObjectNode company = o.putArray("Companies").addObject();
      company.put("Name", c.companyName().get());
      c.organizationNumber().ifPresent(v -> company.put("OrgNo", v));
      c.vatId().ifPresent(v -> company.put("VatNo", v));
    }
    c.invoiceAddress().ifPresent(a -> o.set("InvoiceAddress", stormAddress(a)));
    c.deliveryAddresses().ifPresent(list -> {
      ArrayNode delivery = o.putArray("DeliveryAddresses");
      list.forEach(a -> delivery.add(stormAddress(a)));
    });
    if (!c.customFields().isEmpty()) {
      ArrayNode info = o.putArray("Info");
      c.customFields().forEach((code, value) -> info.addObject().put("Code", code).put("Value", value));
    }
    return o;
  }

  /** BokaMera's CustomerQueryResponse: custom-field keys are BokaMera's numeric field ids. */
  static ObjectNode bokaMera(Customer c) {
    refuse(c.mobilePhone(), "mobilePhone", "BokaMera");
    refuse(c.companyName(), "companyName", "BokaMera");
    refuse(c.vatId(), "vatId", "BokaMera");
    refuse(c.deliveryAddresses(), "deliveryAddresses", "BokaMera");
    refuse(c.externalCode(), "externalCode", "BokaMera");
    refuse(c.languageTag(), "languageTag", "BokaMera");
    refuse(c.active(), "active", "BokaMera");
    ObjectNode o = NODES.objectNode();
    o.put("Firstname", c.firstName().orElse(null));
    o.put("Lastname", c.lastName().orElse(null));
    o.put("Email", c.email().orElse(null));
    o.put("Phone", c.phone().orElse(null));
    o.put("SubscribedToNewsletter", c.newsletterSubscribed().orElse(false));
    if (c.invoiceAddress().isPresent() || c.organizationNumber().isPresent()) {
      Address a = c.invoiceAddress().orElse(Address.builder().build());
      refuse(a.careOf(), "invoiceAddress.careOf", "BokaMera");
      refuse(a.region(), "invoiceAddress.region", "BokaMera");
      ObjectNode ia = o.putObject("InvoiceAddress");
      ia.put("CorporateIdentityNumber", c.organizationNumber().orElse(null));
      ia.put("InvoiceAddress1", a.line1().orElse(null));
      ia.put("InvoiceAddress2", a.line2().orElse(null));
      ia.put("InvoiceCity", a.city().orElse(null));
      ia.put("InvoicePostalCode", a.postalCode().orElse(null));
      ia.put("InvoiceCountryCode", a.countryCode().orElse(null));
    }
    ArrayNode values = o.putArray("CustomFieldValues");
    for (Map.Entry<String, String> e : c.customFields().entrySet()) {
      if (!INT32.matcher(e.getKey()).matches()) {
        throw new IllegalArgumentException("customFields[" + e.getKey() + "]: BokaMera's custom fields are keyed by "
            + "their numeric id");
      }
      int id = Integer.parseInt(e.getKey());
      values.addObject().put("Id", id).put("Column", "TextField" + id).put("Name", "Field " + id)
          .put("Description", "").put("DataType", "TextBox").put("Value", e.getValue());
    }
    return o;
  }

  private static ObjectNode stormAddress(Address a) {
    ObjectNode o = NODES.objectNode();
    put(a.careOf(), v -> o.put("CareOf", v));
    put(a.line1(), v -> o.put("Line1", v));
    put(a.line2(), v -> o.put("Line2", v));
    put(a.postalCode(), v -> o.put("Zip", v));
    put(a.city(), v -> o.put("City", v));
    put(a.region(), v -> o.put("Region", v));
    put(a.countryCode(), v -> o.put("Country", v));
    return o;
  }

  private static void put(Optional<String> value, Consumer<String> into) {
    value.ifPresent(into);
  }

  private static void refuse(Optional<?> value, String field, String vendor) {
    if (value.isPresent() && !(value.get() instanceof List<?> l && l.isEmpty())) {
      throw new IllegalArgumentException(field + ": " + vendor + " cannot hold it; seed raw JSON instead");
    }
  }
}
