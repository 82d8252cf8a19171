package dev.customersync.billbee;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.customersync.core.Customer;
import dev.customersync.core.spi.JsonEdits;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps between the neutral {@link Customer} and Billbee's customer as an exact JSON tree; the
 * table is in {@code package-info.java}. {@link #merge} edits the tree read from Billbee in place,
 * through {@link JsonEdits}, and touches only what the neutral customer sets: every other
 * property, known or not, keeps the node it was read as, so it goes back byte for byte (dates
 * without an offset, decimals with their scale, unknown properties of {@code MetaData} entries).
 */
final class BillbeeCustomerMapper {

  /** The properties holding a copy of one {@code MetaData} entry. */
  static final List<String> DEFAULT_ENTRIES = List.of("DefaultMailAddress", "DefaultCommercialMailAddress",
      "DefaultStatusUpdatesMailAddress", "DefaultPhone1", "DefaultPhone2", "DefaultFax");

  // Number is an int32 in Billbee's model (C# SDK: int?; swagger: integer).
  private static final Pattern INT32_DIGITS = Pattern.compile("0|[1-9][0-9]{0,9}");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final long END_CUSTOMER = BillbeeCustomerType.END_CUSTOMER.value();
  private static final long BUSINESS = BillbeeCustomerType.BUSINESS.value();

  private final Map<String, Integer> languageIds;
  private final List<String> tagsInOrder;

  /** @param languageIds lower-case BCP 47 tag to Billbee LanguageId, in the caller's order */
  BillbeeCustomerMapper(Map<String, Integer> languageIds) {
    this.languageIds = Map.copyOf(languageIds);
    this.tagsInOrder = List.copyOf(languageIds.keySet());
  }

  /**
   * Applies {@code c} to {@code customer} (Billbee's CustomerApiModel as read) in place and returns
   * the neutral fields that were set but not written, each in words.
   */
  List<String> merge(ObjectNode customer, Customer c) {
    return merge(customer, c, false);
  }

  /**
   * {@link #merge(ObjectNode, Customer)}, but without the invoice address warning when the caller
   * writes {@code invoiceAddress} elsewhere (a create sends it as the new customer's {@code Address}).
   */
  List<String> merge(ObjectNode customer, Customer c, boolean invoiceAddressWritten) {
    List<String> warnings = new ArrayList<>();
    mergeNameAndType(customer, c, warnings);
    c.email().ifPresent(v -> setContact(customer, "Email", "DefaultMailAddress", v));
    c.phone().ifPresent(v -> setContact(customer, "Tel1", "DefaultPhone1", v));
    c.mobilePhone().ifPresent(v -> setContact(customer, "Tel2", "DefaultPhone2", v));
    c.vatId().ifPresent(v -> JsonEdits.setText(customer, "VatId", v));
    c.externalCode().ifPresent(code -> {
      if (code.isEmpty()) {
        JsonEdits.setNull(customer, "Number");
      } else if (isCustomerNumber(code)) {
        JsonEdits.setLong(customer, "Number", Long.parseLong(code));
      } else {
        warnings.add("externalCode: Billbee's customer Number holds only whole numbers from 0 to "
            + Integer.MAX_VALUE + "; \"" + code + "\" was not written");
      }
    });
    c.languageTag().ifPresent(tag -> {
      if (tag.isEmpty()) {
        JsonEdits.setNull(customer, "LanguageId");
        return;
      }
      Integer id = languageIdOf(tag);
      if (id == null) {
        warnings.add("languageTag: no Billbee LanguageId is configured for \"" + tag
            + "\" (BillbeeClient.Builder.languageId); it was not written");
      } else {
        JsonEdits.setLong(customer, "LanguageId", id);
      }
    });
    c.organizationNumber().ifPresent(v -> warnings.add("organizationNumber: Billbee's customer has no such field; not written"));
    c.invoiceAddress().filter(v -> !invoiceAddressWritten).ifPresent(v -> warnings.add(
        "invoiceAddress: Billbee keeps addresses apart from the customer (/customers/{id}/addresses), which this module does not write"));
    c.deliveryAddresses().ifPresent(v -> warnings.add(
        "deliveryAddresses: Billbee keeps addresses apart from the customer (/customers/{id}/addresses), which this module does not write"));
    c.newsletterSubscribed().ifPresent(v -> warnings.add("newsletterSubscribed: Billbee's customer has no such field; not written"));
    c.active().ifPresent(v -> warnings.add("active: Billbee's customer has no such field; not written"));
    if (!c.customFields().isEmpty()) {
      warnings.add("customFields: Billbee's customer has no custom fields; " + c.customFields().keySet() + " not written");
    }
    return warnings.isEmpty() ? List.of() : List.copyOf(warnings);
  }

  /** Whether {@code code} fits Billbee's customer {@code Number}: digits 0…2147483647 (an int32), no leading zeros. */
  static boolean isCustomerNumber(String code) {
    return INT32_DIGITS.matcher(code).matches() && Long.parseLong(code) <= Integer.MAX_VALUE;
  }

  /** The customer as Billbee holds it, in neutral terms (only what Billbee has is set). */
  Customer toNeutral(JsonNode x) {
    Customer.Builder n = Customer.builder();
    String name = JsonEdits.text(x, "Name");
    if (name != null && !name.isBlank()) {
      if (isBusiness(x)) {
        n.companyName(name);
      } else {
        String[] parts = split(name);
        if (!parts[0].isEmpty()) {
          n.firstName(parts[0]);
        }
        if (!parts[1].isEmpty()) {
          n.lastName(parts[1]);
        }
      }
    }
    set(JsonEdits.text(x, "Email"), n::email);
    set(JsonEdits.text(x, "Tel1"), n::phone);
    set(JsonEdits.text(x, "Tel2"), n::mobilePhone);
    set(JsonEdits.text(x, "VatId"), n::vatId);
    JsonNode number = x.get("Number");
    if (number != null && number.isIntegralNumber()) {
      n.externalCode(number.bigIntegerValue().toString());
    }
    JsonNode language = x.get("LanguageId");
    if (language != null && language.isIntegralNumber() && language.canConvertToInt()) {
      int id = language.intValue();
      tagsInOrder.stream().filter(tag -> languageIds.get(tag) == id).findFirst().ifPresent(n::languageTag);
    }
    return n.build();
  }

  /**
   * Billbee has one {@code Name}. A company name goes there and makes the customer a business
   * customer; otherwise "first last" does. When only one of the two is given, the other is kept
   * from the current Name split at its first white space (the way {@link #toNeutral} reads it), but only
   * when that split is unambiguous: a Name of more than two words ("Anna Maria Svensson") could be
   * split in several places, and guessing would drop or move a name part without anyone noticing,
   * so the Name is then left as it is, with a warning asking for both.
   */
  private static void mergeNameAndType(ObjectNode customer, Customer c, List<String> warnings) {
    Optional<String> company = c.companyName();
    boolean personGiven = c.firstName().isPresent() || c.lastName().isPresent();
    if (company.isPresent() && !company.get().isEmpty()) {
      JsonEdits.setText(customer, "Name", company.get());
      JsonEdits.setLong(customer, "Type", BUSINESS);
      if (personGiven) {
        warnings.add("firstName/lastName: Billbee keeps one Name, which holds companyName for a business customer; "
            + "the person's name was not written");
      }
      return;
    }
    if (company.isPresent()) {
      // "" clears the company: the customer is a person from now on.
      JsonEdits.setLong(customer, "Type", END_CUSTOMER);
      if (personGiven) {
        JsonEdits.setText(customer, "Name", join(c.firstName().orElse(""), c.lastName().orElse("")));
      } else {
        warnings.add("companyName: cleared, so the customer is now an end customer, but its Name was kept because "
            + "no firstName/lastName was given");
      }
      return;
    }
    if (!personGiven) {
      return;
    }
    if (isBusiness(customer)) {
      warnings.add("firstName/lastName: the customer is a business customer whose Name holds the company name; "
          + "not overwritten (set companyName to \"\" to make it an end customer)");
      return;
    }
    if (c.firstName().isPresent() && c.lastName().isPresent()) {
      JsonEdits.setText(customer, "Name", join(c.firstName().get(), c.lastName().get()));
      return;
    }
    String current = JsonEdits.text(customer, "Name");
    if (wordCount(current) > 2) {
      warnings.add((c.firstName().isPresent() ? "firstName" : "lastName")
          + ": Billbee keeps one Name, and the current one has more than two words, so which of them belong to the "
          + "first and which to the last name is unknown; Name was not changed (give both firstName and lastName)");
      return;
    }
    String[] existing = split(current);
    JsonEdits.setText(customer, "Name", join(c.firstName().orElse(existing[0]), c.lastName().orElse(existing[1])));
  }

  /**
   * Writes {@code value} to {@code field} and to the {@code Default*} entry that mirrors it, when
   * the customer has one, and to every other entry with the same Billbee id ({@code MetaData[]} and
   * the other {@code Default*} properties carry copies of one record), so the body never sends the
   * old value beside the new one (which copy Billbee would keep is not documented). A later field
   * whose entry has the same id wins, as it is applied later. A missing entry is not created: that
   * needs ids only Billbee hands out.
   */
  private static void setContact(ObjectNode customer, String field, String defaultEntry, String value) {
    JsonEdits.setText(customer, field, value);
    ObjectNode entry = JsonEdits.object(customer, defaultEntry);
    if (entry == null) {
      return;
    }
    JsonNode id = entry.get("Id");
    if (!isId(id)) {
      JsonEdits.setText(entry, "Value", value);
      return;
    }
    for (String name : DEFAULT_ENTRIES) {
      ObjectNode copy = JsonEdits.object(customer, name);
      if (copy != null && sameId(copy.get("Id"), id)) {
        JsonEdits.setText(copy, "Value", value);
      }
    }
    JsonNode metaData = customer.get("MetaData");
    if (metaData != null && metaData.isArray()) {
      for (JsonNode m : metaData) {
        if (m instanceof ObjectNode copy && sameId(copy.get("Id"), id)) {
          JsonEdits.setText(copy, "Value", value);
        }
      }
    }
  }

  private static boolean isId(JsonNode id) {
    return id != null && (id.isNumber() || id.isTextual());
  }

  /** Ids compare by value: {@code 7} read as an int and as a long are one entry. */
  private static boolean sameId(JsonNode a, JsonNode b) {
    if (!isId(a) || !isId(b)) {
      return false;
    }
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    return a.isTextual() && b.isTextual() && a.textValue().equals(b.textValue());
  }

  /** Whether {@code Type} says business customer (1); absent, null or anything else is not. */
  static boolean isBusiness(JsonNode customer) {
    JsonNode type = customer.get("Type");
    return type != null && type.isIntegralNumber() && type.canConvertToLong() && type.longValue() == BUSINESS;
  }

  private Integer languageIdOf(String tag) {
    String lower = tag.toLowerCase(Locale.ROOT);
    Integer exact = languageIds.get(lower);
    if (exact != null) {
      return exact;
    }
    String language = Locale.forLanguageTag(tag).getLanguage();
    return language.isEmpty() ? null : languageIds.get(language);
  }

  private static int wordCount(String name) {
    return name == null || name.isBlank() ? 0 : WHITESPACE.split(name.trim()).length;
  }

  /** {@code [first word, rest]} of a name, split at its first run of white space; both empty for none. */
  static String[] split(String name) {
    if (name == null || name.isBlank()) {
      return new String[] {"", ""};
    }
    String trimmed = name.trim();
    Matcher space = WHITESPACE.matcher(trimmed);
    return space.find()
        ? new String[] {trimmed.substring(0, space.start()), trimmed.substring(space.end())}
        : new String[] {trimmed, ""};
  }

  private static String join(String first, String last) {
    String f = first.trim();
    String l = last.trim();
    return f.isEmpty() ? l : l.isEmpty() ? f : f + " " + l;
  }

  private static void set(String value, Consumer<String> setter) {
    if (value != null && !value.isEmpty()) {
      setter.accept(value);
    }
  }
}
