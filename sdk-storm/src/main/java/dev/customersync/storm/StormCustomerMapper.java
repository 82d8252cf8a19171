package dev.customersync.storm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.customersync.core.Customer;
import dev.customersync.core.CustomerValidationException;
import dev.customersync.core.spi.JsonEdits;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Maps between the neutral {@link Customer} and Storm's {@code Customer} as an exact JSON tree (the
 * table is in the package documentation).
 *
 * <p>{@link #merge} edits the customer as read in place and touches a property only when its value
 * really changes (through {@link JsonEdits}), so everything else — unknown properties at every
 * level, WCF dates, number forms, nulls and empty lists — goes back exactly as Storm sent it.
 */
final class StormCustomerMapper {

  private static final Pattern COUNTRY_CODE = Pattern.compile("^[A-Za-z]{2}$");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final dev.customersync.core.Address NO_ADDRESS = dev.customersync.core.Address.builder().build();

  private StormCustomerMapper() {}

  /**
   * Writes every field {@code change} sets into {@code customer} (Storm's Customer as read).
   *
   * @param renameSharedCompany whether a new {@code companyName} may rename the first company
   * @return what could not be written, in words
   * @throws CustomerValidationException when the change needs a company Storm cannot create
   */
  static List<String> merge(ObjectNode customer, Customer change, boolean renameSharedCompany) {
    return merge(customer, change, renameSharedCompany, null);
  }

  /**
   * {@link #merge(ObjectNode, Customer, boolean)}, with {@code newsletterSubscribed} kept in the
   * Flag {@code newsletterFlagId} when one is configured.
   *
   * @param newsletterFlagId the Storm Flag id that means "subscribed to the newsletter", or null for none
   * @return what could not be written, in words
   */
  static List<String> merge(ObjectNode customer, Customer change, boolean renameSharedCompany,
      @Nullable Integer newsletterFlagId) {
    List<String> warnings = new ArrayList<>();
    change.firstName().ifPresent(v -> setText(customer, "FirstName", v));
    change.lastName().ifPresent(v -> setText(customer, "LastName", v));
    change.email().ifPresent(v -> setText(customer, "Email", v));
    change.phone().ifPresent(v -> setText(customer, "Phone", v));
    change.mobilePhone().ifPresent(v -> setText(customer, "CellPhone", v));
    change.externalCode().ifPresent(v -> setText(customer, "Code", v));
    change.active().ifPresent(v -> JsonEdits.setBoolean(customer, "IsActive", v));
    if (change.companyName().isPresent() || change.organizationNumber().isPresent() || change.vatId().isPresent()) {
      mergeCompany(customer, change, renameSharedCompany, warnings);
    }
    change.invoiceAddress().ifPresent(a -> {
      JsonNode old = customer.get("InvoiceAddress");
      if (!unchanged(old, a)) {
        customer.set("InvoiceAddress", replacement(old, a));
      }
    });
    change.deliveryAddresses().ifPresent(list -> mergeDeliveryAddresses(customer, list));
    if (!change.customFields().isEmpty()) {
      mergeInfo(customer, change.customFields(), warnings);
    }
    change.newsletterSubscribed().ifPresent(n -> {
      if (newsletterFlagId != null) {
        mergeNewsletterFlag(customer, newsletterFlagId, n);
      } else {
        warnings.add("newsletterSubscribed: Storm's Customer has no newsletter property, so it was not sent; map it "
            + "to your newsletter Flag with StormClient.Builder.newsletterFlagId(id)");
      }
    });
    return warnings;
  }

  /**
   * Selects or deselects the Flag {@code flagId} in {@code Flags}, touching only that entry's
   * {@code IsSelected}: every other flag, and every other property of this one, goes back as read.
   * A customer without the entry gets {@code {"Id": flagId, "IsSelected": true}} appended when
   * subscribing; unsubscribing needs no entry, since a flag that is not there is not set.
   */
  private static void mergeNewsletterFlag(ObjectNode customer, int flagId, boolean subscribed) {
    JsonNode flags = customer.get("Flags");
    if (flags instanceof ArrayNode list) {
      for (JsonNode flag : list) {
        if (flag instanceof ObjectNode f && isFlag(f, flagId)) {
          JsonEdits.setBoolean(f, "IsSelected", subscribed);
          return;
        }
      }
    }
    if (subscribed) {
      ArrayNode list = flags instanceof ArrayNode a ? a : customer.putArray("Flags");
      list.addObject().put("Id", flagId).put("IsSelected", true);
    }
  }

  private static boolean isFlag(JsonNode flag, int flagId) {
    JsonNode id = flag.get("Id");
    return id != null && id.isIntegralNumber() && id.canConvertToInt() && id.intValue() == flagId;
  }

  /**
   * {@link #toNeutral(JsonNode)}, with {@code newsletterSubscribed} read from the Flag {@code
   * newsletterFlagId} (selected: true; deselected or absent: false) when one is configured.
   *
   * @param newsletterFlagId the Storm Flag id that means "subscribed to the newsletter", or null for none
   * @return what Storm holds, in neutral terms
   */
  static Customer toNeutral(JsonNode s, @Nullable Integer newsletterFlagId) {
    Customer neutral = toNeutral(s);
    if (newsletterFlagId == null) {
      return neutral;
    }
    boolean selected = false;
    for (JsonNode flag : s.path("Flags")) {
      if (isFlag(flag, newsletterFlagId)) {
        selected = flag.path("IsSelected").asBoolean(false);
      }
    }
    return neutral.toBuilder().newsletterSubscribed(selected).build();
  }

  /** What Storm holds, in neutral terms; Storm keeps no language on a customer, so none is set. */
  static Customer toNeutral(JsonNode s) {
    Customer.Builder b = Customer.builder();
    text(s, "FirstName").ifPresent(b::firstName);
    text(s, "LastName").ifPresent(b::lastName);
    text(s, "Email").ifPresent(b::email);
    text(s, "Phone").ifPresent(b::phone);
    text(s, "CellPhone").ifPresent(b::mobilePhone);
    text(s, "Code").ifPresent(b::externalCode);
    JsonNode active = s.get("IsActive");
    if (active != null && active.isBoolean()) {
      b.active(active.booleanValue());
    }
    JsonNode companies = s.get("Companies");
    if (companies != null && companies.isArray() && !companies.isEmpty() && companies.get(0).isObject()) {
      JsonNode first = companies.get(0);
      text(first, "Name").ifPresent(b::companyName);
      text(first, "OrgNo").ifPresent(b::organizationNumber);
      text(first, "VatNo").ifPresent(b::vatId);
    }
    JsonNode invoice = s.get("InvoiceAddress");
    if (invoice != null && invoice.isObject()) {
      b.invoiceAddress(toNeutralAddress(invoice));
    }
    JsonNode delivery = s.get("DeliveryAddresses");
    if (delivery != null && delivery.isArray()) {
      List<dev.customersync.core.Address> list = new ArrayList<>();
      for (JsonNode a : delivery) {
        if (a.isObject()) {
          list.add(toNeutralAddress(a));
        }
      }
      b.deliveryAddresses(list);
    }
    JsonNode info = s.get("Info");
    if (info != null && info.isArray()) {
      for (JsonNode entry : info) {
        Optional<String> code = text(entry, "Code");
        Optional<String> value = text(entry, "Value");
        if (code.isPresent() && value.isPresent()) {
          b.putCustomFields(code.get(), value.get());
        }
      }
    }
    return b.build();
  }

  /** A Storm address in neutral terms. */
  static dev.customersync.core.Address toNeutralAddress(JsonNode a) {
    dev.customersync.core.Address.Builder b = dev.customersync.core.Address.builder();
    text(a, "CareOf").ifPresent(b::careOf);
    text(a, "Line1").ifPresent(b::line1);
    text(a, "Line2").ifPresent(b::line2);
    text(a, "Zip").ifPresent(b::postalCode);
    text(a, "City").ifPresent(b::city);
    text(a, "Region").ifPresent(b::region);
    // Only a two-letter value is a country code; a country name is not passed off as one.
    text(a, "Country").filter(c -> COUNTRY_CODE.matcher(c).matches())
        .ifPresent(c -> b.countryCode(c.toUpperCase(Locale.ROOT)));
    return b.build();
  }

  /**
   * Sets a text property through {@link JsonEdits#setText}, except that {@code ""} (the neutral
   * "clear") on a property Storm already holds as empty ({@code null} or absent) changes nothing.
   */
  private static void setText(ObjectNode node, String name, String value) {
    JsonNode was = node.get(name);
    if (value.isEmpty() && (was == null || was.isNull())) {
      return;
    }
    JsonEdits.setText(node, name, value);
  }

  private static void mergeCompany(ObjectNode customer, Customer change, boolean renameSharedCompany,
      List<String> warnings) {
    JsonNode companies = customer.get("Companies");
    if (companies != null && companies.isArray() && !companies.isEmpty()) {
      if (!(companies.get(0) instanceof ObjectNode company)) {
        warnings.add("companyName, organizationNumber, vatId: not written, Storm's Companies[0] is not a company object");
        return;
      }
      // The first company is the customer's default; it is updated by its Id, never duplicated.
      change.companyName().ifPresent(name -> {
        String current = JsonEdits.text(company, "Name");
        if (name.equals(current)) {
          return;
        }
        if (renameSharedCompany) {
          setText(company, "Name", name);
        } else {
          warnings.add("companyName: not written. Storm's company " + idOf(company)
              + " is shared by every customer that belongs to it, so renaming it here would rename it for all of "
              + "them; build the StormClient with renameSharedCompany(true) to allow that");
        }
      });
      change.organizationNumber().ifPresent(v -> setText(company, "OrgNo", v));
      change.vatId().ifPresent(v -> setText(company, "VatNo", v));
      return;
    }
    // The customer has no company: one is created, as before, and Storm creates a company only with a
    // name (InvalidCompanyName). Creating is not idempotent, but the write is never replayed anyway.
    String name = change.companyName().filter(n -> !n.isBlank()).orElseThrow(() -> new CustomerValidationException(
        "companyName", "required: this Storm customer has no company yet, and Storm creates one only with a name",
        change.companyName().orElse("")));
    ObjectNode created = NODES.objectNode();
    created.put("Name", name);
    change.organizationNumber().ifPresent(v -> created.put("OrgNo", v));
    change.vatId().ifPresent(v -> created.put("VatNo", v));
    if (companies instanceof ArrayNode list) {
      list.add(created);
    } else {
      customer.set("Companies", NODES.arrayNode().add(created));
    }
  }

  private static void mergeDeliveryAddresses(ObjectNode customer, List<dev.customersync.core.Address> wanted) {
    JsonNode old = customer.get("DeliveryAddresses");
    if (wanted.isEmpty() && (old == null || old.isNull())) {
      // No addresses, and Storm holds none: nothing to say.
      return;
    }
    // Matched by position, so that Storm's address ids survive and Storm updates the addresses in
    // place instead of creating new ones; the caller's list decides how many there are.
    ArrayNode out = NODES.arrayNode(wanted.size());
    for (int i = 0; i < wanted.size(); i++) {
      JsonNode was = old != null && old.isArray() && i < old.size() ? old.get(i) : null;
      out.add(was != null && unchanged(was, wanted.get(i)) ? was : replacement(was, wanted.get(i)));
    }
    JsonEdits.set(customer, "DeliveryAddresses", out);
  }

  /**
   * Whether the caller's address is the one Storm holds: equal to its neutral form, field by field,
   * with {@code ""} the same as no value. Then Storm's entry goes back byte for byte, its {@code
   * IsValidated}, {@code CountryId} and unknown properties included.
   */
  private static boolean unchanged(@Nullable JsonNode old, dev.customersync.core.Address wanted) {
    if (old == null || old.isNull()) {
      // Storm holds no address, and the caller's has no value either: nothing to write.
      return sameFields(NO_ADDRESS, wanted);
    }
    return old.isObject() && sameFields(toNeutralAddress(old), wanted);
  }

  private static boolean sameFields(dev.customersync.core.Address held, dev.customersync.core.Address wanted) {
    return same(held.careOf(), wanted.careOf()) && same(held.line1(), wanted.line1())
        && same(held.line2(), wanted.line2()) && same(held.postalCode(), wanted.postalCode())
        && same(held.city(), wanted.city()) && same(held.region(), wanted.region())
        && same(held.countryCode(), wanted.countryCode());
  }

  private static boolean same(Optional<String> a, Optional<String> b) {
    return a.orElse("").equals(b.orElse(""));
  }

  /**
   * A changed address: the old entry's {@code Id} (so Storm updates it in place) and exactly the
   * caller's fields, with {@code IsValidated} false because Storm has not validated the new values.
   * Nothing else of the old entry is inherited ({@code Line2}, {@code CareOf}, {@code CountryId},
   * {@code GlobalLocationNo}, {@code ShippingPhoneNumber} belonged to the old address). The
   * country is written as its ISO code; Storm is assumed to resolve {@code CountryId} from it.
   */
  private static ObjectNode replacement(@Nullable JsonNode old, dev.customersync.core.Address a) {
    ObjectNode n = NODES.objectNode();
    JsonNode id = old != null && old.isObject() ? old.get("Id") : null;
    if (id != null && !id.isNull()) {
      n.set("Id", id);
    }
    a.careOf().ifPresent(v -> n.put("CareOf", v));
    a.line1().ifPresent(v -> n.put("Line1", v));
    a.line2().ifPresent(v -> n.put("Line2", v));
    a.postalCode().ifPresent(v -> n.put("Zip", v));
    a.city().ifPresent(v -> n.put("City", v));
    a.countryCode().ifPresent(v -> n.put("Country", v));
    a.region().ifPresent(v -> n.put("Region", v));
    n.put("IsValidated", false);
    return n;
  }

  private static void mergeInfo(ObjectNode customer, Map<String, String> fields, List<String> warnings) {
    JsonNode info = customer.get("Info");
    ArrayNode list = info instanceof ArrayNode a ? a : NODES.arrayNode();
    boolean added = false;
    for (Map.Entry<String, String> field : fields.entrySet()) {
      int at = indexOfCode(list, field.getKey());
      if (at >= 0) {
        setText((ObjectNode) list.get(at), "Value", field.getValue());
      } else if (!field.getValue().isEmpty()) {
        // Storm's IdValue order: Id, Value, Code. Without an Id, Storm is assumed to resolve the
        // info type by its Code.
        list.addObject().put("Value", field.getValue()).put("Code", field.getKey());
        added = true;
        warnings.add("customFields[" + field.getKey() + "]: the Storm customer had no Info entry with this Code; "
            + "it was sent as a new Info entry identified by its Code only");
      }
    }
    if (added && list != info) {
      customer.set("Info", list);
    }
  }

  private static int indexOfCode(ArrayNode info, String code) {
    for (int i = 0; i < info.size(); i++) {
      if (info.get(i) instanceof ObjectNode && code.equals(JsonEdits.text(info.get(i), "Code"))) {
        return i;
      }
    }
    // Storm's codes are configuration names; a caller's different casing still means the same one.
    for (int i = 0; i < info.size(); i++) {
      if (info.get(i) instanceof ObjectNode && code.equalsIgnoreCase(JsonEdits.text(info.get(i), "Code"))) {
        return i;
      }
    }
    return -1;
  }

  private static Optional<String> text(JsonNode node, String name) {
    return Optional.ofNullable(JsonEdits.text(node, name));
  }

  private static String idOf(JsonNode company) {
    JsonNode id = company.get("Id");
    return id == null || id.isNull() ? "(without Id)" : id.asText();
  }
}
