package dev.customersync.billbee;

import dev.customersync.core.Customer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Maps between the neutral {@link Customer} and {@link BillbeeCustomer}; the table is in {@code
 * package-info.java}. {@link #merge} starts from the customer as Billbee holds it and changes only
 * what the neutral customer sets, so the PUT that follows keeps everything else.
 */
final class BillbeeCustomerMapper {

  // Number is an int32 in Billbee's model (C# SDK: int?; swagger: integer).
  private static final Pattern INT32_DIGITS = Pattern.compile("0|[1-9][0-9]{0,9}");

  private final Map<String, Integer> languageIds;
  private final List<String> tagsInOrder;

  /** @param languageIds lower-case BCP 47 tag to Billbee LanguageId, in the caller's order */
  BillbeeCustomerMapper(Map<String, Integer> languageIds) {
    this.languageIds = Map.copyOf(languageIds);
    this.tagsInOrder = List.copyOf(languageIds.keySet());
  }

  /** The merged model to PUT and the neutral fields Billbee cannot hold. */
  record Merge(BillbeeCustomer customer, List<String> warnings) {}

  Merge merge(BillbeeCustomer current, Customer c) {
    List<String> warnings = new ArrayList<>();
    BillbeeCustomer.Builder b = current.toBuilder();
    mergeNameAndType(current, c, b, warnings);
    c.email().ifPresent(b::email);
    c.phone().ifPresent(b::tel1);
    c.mobilePhone().ifPresent(b::tel2);
    c.vatId().ifPresent(b::vatId);
    c.externalCode().ifPresent(code -> {
      if (code.isEmpty()) {
        b.number(null);
      } else if (INT32_DIGITS.matcher(code).matches() && Long.parseLong(code) <= Integer.MAX_VALUE) {
        b.number(Long.parseLong(code));
      } else {
        warnings.add("externalCode: Billbee's customer Number holds only whole numbers from 0 to "
            + Integer.MAX_VALUE + "; \"" + code + "\" was not written");
      }
    });
    c.languageTag().ifPresent(tag -> {
      if (tag.isEmpty()) {
        b.languageId(null);
        return;
      }
      Integer id = languageIdOf(tag);
      if (id == null) {
        warnings.add("languageTag: no Billbee LanguageId is configured for \"" + tag
            + "\" (BillbeeClient.Builder.languageId); it was not written");
      } else {
        b.languageId(id);
      }
    });
    c.organizationNumber().ifPresent(v -> warnings.add("organizationNumber: Billbee's customer has no such field; not written"));
    c.invoiceAddress().ifPresent(v -> warnings.add(
        "invoiceAddress: Billbee keeps addresses apart from the customer (/customers/{id}/addresses), which this module does not write"));
    c.deliveryAddresses().ifPresent(v -> warnings.add(
        "deliveryAddresses: Billbee keeps addresses apart from the customer (/customers/{id}/addresses), which this module does not write"));
    c.newsletterSubscribed().ifPresent(v -> warnings.add("newsletterSubscribed: Billbee's customer has no such field; not written"));
    c.active().ifPresent(v -> warnings.add("active: Billbee's customer has no such field; not written"));
    if (!c.customFields().isEmpty()) {
      warnings.add("customFields: Billbee's customer has no custom fields; " + c.customFields().keySet() + " not written");
    }
    // All mirroring edits this one builder: a toBuilder()/build() round per mirrored field doubled
    // the mapping cost (benchmark B2).
    ValuesById byId = new ValuesById();
    if (c.email().isPresent()) {
      mirror(b, byId, current.defaultMailAddress(), c.email().get(), BillbeeCustomer.Builder::defaultMailAddress);
    }
    if (c.phone().isPresent()) {
      mirror(b, byId, current.defaultPhone1(), c.phone().get(), BillbeeCustomer.Builder::defaultPhone1);
    }
    if (c.mobilePhone().isPresent()) {
      mirror(b, byId, current.defaultPhone2(), c.mobilePhone().get(), BillbeeCustomer.Builder::defaultPhone2);
    }
    if (!byId.isEmpty()) {
      applyById(current, b, byId);
    }
    BillbeeCustomer merged = b.build();
    return new Merge(merged, warnings.isEmpty() ? List.of() : List.copyOf(warnings));
  }

  /** The customer as Billbee holds it, in neutral terms (only what Billbee has is set). */
  Customer toNeutral(BillbeeCustomer x) {
    Customer.Builder n = Customer.builder();
    if (x.name() != null && !x.name().isBlank()) {
      if (BillbeeCustomerType.BUSINESS.equals(x.type())) {
        n.companyName(x.name());
      } else {
        String[] parts = split(x.name());
        if (!parts[0].isEmpty()) {
          n.firstName(parts[0]);
        }
        if (!parts[1].isEmpty()) {
          n.lastName(parts[1]);
        }
      }
    }
    set(x.email(), n::email);
    set(x.tel1(), n::phone);
    set(x.tel2(), n::mobilePhone);
    set(x.vatId(), n::vatId);
    if (x.number() != null) {
      n.externalCode(Long.toString(x.number()));
    }
    if (x.languageId() != null) {
      tagsInOrder.stream().filter(tag -> languageIds.get(tag).equals(x.languageId())).findFirst()
          .ifPresent(n::languageTag);
    }
    return n.build();
  }

  /**
   * Billbee has one {@code Name}. A company name goes there and makes the customer a business
   * customer; otherwise "first last" does. When only one of the two is given, the other is kept
   * from the current Name, split at its first space (the way {@link #toNeutral} reads it).
   */
  private static void mergeNameAndType(BillbeeCustomer current, Customer c, BillbeeCustomer.Builder b,
      List<String> warnings) {
    Optional<String> company = c.companyName();
    boolean personGiven = c.firstName().isPresent() || c.lastName().isPresent();
    if (company.isPresent() && !company.get().isEmpty()) {
      b.name(company.get());
      b.type(BillbeeCustomerType.BUSINESS);
      if (personGiven) {
        warnings.add("firstName/lastName: Billbee keeps one Name, which holds companyName for a business customer; "
            + "the person's name was not written");
      }
      return;
    }
    if (company.isPresent()) {
      // "" clears the company: the customer is a person from now on.
      b.type(BillbeeCustomerType.END_CUSTOMER);
      if (personGiven) {
        b.name(join(c.firstName().orElse(""), c.lastName().orElse("")));
      } else {
        warnings.add("companyName: cleared, so the customer is now an end customer, but its Name was kept because "
            + "no firstName/lastName was given");
      }
      return;
    }
    if (!personGiven) {
      return;
    }
    if (BillbeeCustomerType.BUSINESS.equals(current.type())) {
      warnings.add("firstName/lastName: the customer is a business customer whose Name holds the company name; "
          + "not overwritten (set companyName to \"\" to make it an end customer)");
      return;
    }
    if (c.firstName().isPresent() && c.lastName().isPresent()) {
      b.name(join(c.firstName().get(), c.lastName().get()));
      return;
    }
    String[] existing = split(current.name());
    b.name(join(c.firstName().orElse(existing[0]), c.lastName().orElse(existing[1])));
  }

  /**
   * Puts {@code value} into the {@code Default*} entry that holds this field, when the customer has
   * one, and into every other entry with the same Billbee id ({@code MetaData[]} and the other
   * {@code Default*} properties carry copies of one record), so the model never sends the old value
   * beside the new one (which copy Billbee would keep is not documented). A missing entry is not
   * created: that needs ids only Billbee hands out. An entry with an id is only noted in {@code
   * byId} (a later field with the same id wins) and written by {@link #applyById}.
   */
  private static void mirror(BillbeeCustomer.Builder b, ValuesById byId, BillbeeCustomerMetaData entry,
      String value, BiConsumer<BillbeeCustomer.Builder, BillbeeCustomerMetaData> setDefault) {
    if (entry == null) {
      return;
    }
    if (entry.id() != null) {
      byId.put(entry.id(), value);
    } else {
      setDefault.accept(b, entry.toBuilder().value(value).build());
    }
  }

  /** Sets the new value in every {@code Default*} and {@code MetaData[]} entry whose id is in {@code byId}. */
  private static void applyById(BillbeeCustomer current, BillbeeCustomer.Builder b, ValuesById byId) {
    b.defaultMailAddress(withNewValue(current.defaultMailAddress(), byId))
        .defaultCommercialMailAddress(withNewValue(current.defaultCommercialMailAddress(), byId))
        .defaultStatusUpdatesMailAddress(withNewValue(current.defaultStatusUpdatesMailAddress(), byId))
        .defaultPhone1(withNewValue(current.defaultPhone1(), byId))
        .defaultPhone2(withNewValue(current.defaultPhone2(), byId))
        .defaultFax(withNewValue(current.defaultFax(), byId));
    if (current.metaData() != null) {
      List<BillbeeCustomerMetaData> entries = new ArrayList<>(current.metaData().size());
      for (BillbeeCustomerMetaData m : current.metaData()) {
        entries.add(withNewValue(m, byId));
      }
      b.metaData(entries);
    }
  }

  private static BillbeeCustomerMetaData withNewValue(BillbeeCustomerMetaData m, ValuesById byId) {
    String value = m == null || m.id() == null ? null : byId.get(m.id());
    if (value == null) {
      return m;
    }
    // withValue copies the fields directly; toBuilder().build() goes through a builder.
    return m instanceof ImmutableBillbeeCustomerMetaData i ? i.withValue(value) : m.toBuilder().value(value).build();
  }


  /**
   * The new value per Billbee entry id, for the at most three mirrored fields; a later field with
   * the same id wins. Not a map: a HashMap was a third of the merge's cost in B2.
   */
  private static final class ValuesById {
    // Three slots, one per mirrored field: fields rather than arrays or a map, to allocate once.
    private long id0;
    private long id1;
    private long id2;
    private String value0;
    private String value1;
    private String value2;
    private int size;

    void put(Long id, String value) {
      if (size > 0 && id0 == id) {
        value0 = value;
      } else if (size > 1 && id1 == id) {
        value1 = value;
      } else if (size == 0) {
        id0 = id;
        value0 = value;
        size = 1;
      } else if (size == 1) {
        id1 = id;
        value1 = value;
        size = 2;
      } else {
        id2 = id;
        value2 = value;
        size = 3;
      }
    }

    String get(long id) {
      return size > 0 && id0 == id ? value0 : size > 1 && id1 == id ? value1 : size > 2 && id2 == id ? value2 : null;
    }

    boolean isEmpty() {
      return size == 0;
    }
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

  /** {@code [first word, rest]} of a name; both empty for none. */
  static String[] split(String name) {
    if (name == null || name.isBlank()) {
      return new String[] {"", ""};
    }
    String trimmed = name.trim();
    int space = trimmed.indexOf(' ');
    return space < 0
        ? new String[] {trimmed, ""}
        : new String[] {trimmed.substring(0, space), trimmed.substring(space + 1).trim()};
  }

  private static String join(String first, String last) {
    // Plain string work: a stream here was a tenth of the whole merge in benchmark B2.
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
