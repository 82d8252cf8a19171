package dev.customersync.storm;

import dev.customersync.core.Customer;
import dev.customersync.core.CustomerValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Maps between the neutral {@link Customer} and Storm's {@link StormCustomer} (the table is in the
 * package documentation).
 *
 * <p>{@link #merge} starts from the customer as Storm holds it and changes only what the caller
 * set, so that the whole object sent back keeps everything else: companies, flags, info, price
 * lists, the account and addresses.
 */
final class StormCustomerMapper {

  private static final Pattern COUNTRY_CODE = Pattern.compile("^[A-Za-z]{2}$");

  private StormCustomerMapper() {}

  /**
   * {@code existing} with every field {@code change} sets written over it.
   *
   * @param warnings receives a line for each field that could be written only in part
   * @throws CustomerValidationException when the change needs a company Storm cannot create
   */
  static StormCustomer merge(StormCustomer existing, Customer change, List<String> warnings) {
    ImmutableStormCustomer.Builder b = ImmutableStormCustomer.builder().from(existing);
    change.firstName().ifPresent(b::firstName);
    change.lastName().ifPresent(b::lastName);
    change.email().ifPresent(b::email);
    change.phone().ifPresent(b::phone);
    change.mobilePhone().ifPresent(b::cellPhone);
    change.externalCode().ifPresent(b::code);
    change.active().ifPresent(b::isActive);
    change.invoiceAddress().ifPresent(a -> b.invoiceAddress(mergeAddress(existing.invoiceAddress(), a)));
    change.deliveryAddresses().ifPresent(list -> b.deliveryAddresses(mergeAddresses(existing.deliveryAddresses(), list)));
    if (change.companyName().isPresent() || change.organizationNumber().isPresent() || change.vatId().isPresent()) {
      b.companies(mergeCompanies(existing.companies(), change));
    }
    if (!change.customFields().isEmpty()) {
      b.info(mergeInfo(existing.info(), change.customFields(), warnings));
    }
    return b.build();
  }

  /** What Storm holds, in neutral terms; Storm keeps no language on a customer, so none is set. */
  static Customer toNeutral(StormCustomer s) {
    Customer.Builder b = Customer.builder();
    Optional.ofNullable(s.firstName()).ifPresent(b::firstName);
    Optional.ofNullable(s.lastName()).ifPresent(b::lastName);
    Optional.ofNullable(s.email()).ifPresent(b::email);
    Optional.ofNullable(s.phone()).ifPresent(b::phone);
    Optional.ofNullable(s.cellPhone()).ifPresent(b::mobilePhone);
    Optional.ofNullable(s.code()).ifPresent(b::externalCode);
    Optional.ofNullable(s.isActive()).ifPresent(b::active);
    if (s.companies() != null && !s.companies().isEmpty()) {
      Company first = s.companies().get(0);
      Optional.ofNullable(first.name()).ifPresent(b::companyName);
      Optional.ofNullable(first.orgNo()).ifPresent(b::organizationNumber);
      Optional.ofNullable(first.vatNo()).ifPresent(b::vatId);
    }
    if (s.invoiceAddress() != null) {
      b.invoiceAddress(toNeutral(s.invoiceAddress()));
    }
    if (s.deliveryAddresses() != null) {
      List<dev.customersync.core.Address> list = new ArrayList<>();
      s.deliveryAddresses().forEach(a -> list.add(toNeutral(a)));
      b.deliveryAddresses(list);
    }
    if (s.info() != null) {
      for (IdValue info : s.info()) {
        if (info.code() != null && info.value() != null) {
          b.putCustomFields(info.code(), info.value());
        }
      }
    }
    return b.build();
  }

  static dev.customersync.core.Address toNeutral(Address a) {
    dev.customersync.core.Address.Builder b = dev.customersync.core.Address.builder();
    Optional.ofNullable(a.careOf()).ifPresent(b::careOf);
    Optional.ofNullable(a.line1()).ifPresent(b::line1);
    Optional.ofNullable(a.line2()).ifPresent(b::line2);
    Optional.ofNullable(a.zip()).ifPresent(b::postalCode);
    Optional.ofNullable(a.city()).ifPresent(b::city);
    Optional.ofNullable(a.region()).ifPresent(b::region);
    // Only a two-letter value is a country code; a country name is not passed off as one.
    Optional.ofNullable(a.country()).filter(c -> COUNTRY_CODE.matcher(c).matches())
        .ifPresent(c -> b.countryCode(c.toUpperCase(Locale.ROOT)));
    return b.build();
  }

  private static List<Address> mergeAddresses(List<Address> existing, List<dev.customersync.core.Address> wanted) {
    // Matched by position so that Storm's address ids survive and Storm updates the addresses in
    // place instead of creating new ones; the caller's list decides how many there are.
    List<Address> out = new ArrayList<>(wanted.size());
    for (int i = 0; i < wanted.size(); i++) {
      Address old = existing != null && i < existing.size() ? existing.get(i) : null;
      out.add(mergeAddress(old, wanted.get(i)));
    }
    return out;
  }

  static Address mergeAddress(Address existing, dev.customersync.core.Address change) {
    ImmutableAddress.Builder b = ImmutableAddress.builder();
    if (existing != null) {
      b.from(existing);
    }
    change.careOf().ifPresent(b::careOf);
    change.line1().ifPresent(b::line1);
    change.line2().ifPresent(b::line2);
    change.postalCode().ifPresent(b::zip);
    change.city().ifPresent(b::city);
    change.region().ifPresent(b::region);
    change.countryCode().ifPresent(code -> {
      boolean same = existing != null && existing.country() != null && existing.country().equalsIgnoreCase(code);
      b.country(code);
      if (!same) {
        // The old CountryId would contradict the new country; without it Storm resolves the
        // country from the code (assumed, see the package documentation).
        b.countryId(null);
      }
    });
    return b.build();
  }

  private static List<Company> mergeCompanies(List<Company> existing, Customer change) {
    List<Company> out = existing == null ? new ArrayList<>() : new ArrayList<>(existing);
    ImmutableCompany.Builder b = ImmutableCompany.builder();
    if (!out.isEmpty()) {
      // The first company is the customer's default; it is updated by its Id, never duplicated.
      b.from(out.get(0));
    } else if (change.companyName().filter(n -> !n.isBlank()).isEmpty()) {
      throw new CustomerValidationException("companyName",
          "required: this Storm customer has no company yet, and Storm creates one only with a name", 
          change.companyName().orElse(""));
    }
    change.companyName().ifPresent(b::name);
    change.organizationNumber().ifPresent(b::orgNo);
    change.vatId().ifPresent(b::vatNo);
    if (out.isEmpty()) {
      out.add(b.build());
    } else {
      out.set(0, b.build());
    }
    return out;
  }

  private static List<IdValue> mergeInfo(List<IdValue> existing, Map<String, String> fields, List<String> warnings) {
    List<IdValue> out = existing == null ? new ArrayList<>() : new ArrayList<>(existing);
    for (Map.Entry<String, String> field : fields.entrySet()) {
      int at = indexOfCode(out, field.getKey());
      if (at >= 0) {
        out.set(at, ImmutableIdValue.copyOf(out.get(at)).withValue(field.getValue()));
      } else {
        out.add(IdValue.builder().code(field.getKey()).value(field.getValue()).build());
        warnings.add("customFields[" + field.getKey() + "]: the Storm customer had no Info entry with this Code; "
            + "it was sent as a new Info entry identified by its Code only");
      }
    }
    return out;
  }

  private static int indexOfCode(List<IdValue> info, String code) {
    for (int i = 0; i < info.size(); i++) {
      if (code.equals(info.get(i).code())) {
        return i;
      }
    }
    // Storm's codes are configuration names; a caller's different casing still means the same one.
    for (int i = 0; i < info.size(); i++) {
      if (code.equalsIgnoreCase(info.get(i).code())) {
        return i;
      }
    }
    return -1;
  }
}
