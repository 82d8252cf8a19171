package dev.customersync.bokamera;

import dev.customersync.core.Address;
import dev.customersync.core.Customer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Maps between the neutral {@link Customer} and BokaMera's customer DTOs: the merge of a caller's
 * changes into the customer BokaMera holds, the warnings for neutral fields BokaMera has no place
 * for, and the way back from BokaMera's answer. The table is in the package documentation.
 */
final class BokaMeraCustomerMapper {

  // BokaMera custom fields are identified by their int id; any other key belongs to another vendor.
  private static final Pattern CUSTOM_FIELD_ID = Pattern.compile("^[0-9]{1,9}$");

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
   * The whole {@link UpdateCustomer} to send: every field the caller set, and for every other
   * field the value BokaMera holds ({@code current}), because UpdateCustomer requires Firstname,
   * Lastname, Phone and Email and BokaMera does not document what it does with left-out fields.
   */
  static UpdateCustomer merge(CustomerQueryResponse current, Customer c, UUID companyId) {
    UpdateCustomer.Builder b = UpdateCustomer.builder()
        .companyId(companyId)
        .firstname(c.firstName().orElse(current.firstname()))
        .lastname(c.lastName().orElse(current.lastname()))
        .phone(c.phone().orElse(current.phone()))
        .email(c.email().orElse(current.email()))
        .subscribedToNewsletter(c.newsletterSubscribed().orElse(current.subscribedToNewsletter()));
    InvoiceAddressToHandle invoice = mergeInvoiceAddress(current.invoiceAddress(), c);
    if (invoice != null) {
      b.invoiceAddress(invoice);
    }
    List<AddCustomField> customFields = mergeCustomFields(current.customFieldValues(), c.customFields());
    if (!customFields.isEmpty()) {
      b.customFields(customFields);
    }
    // AccessKeys upsert by id. Sending the held keys back unchanged is harmless if BokaMera only
    // upserts, and keeps them if it replaces the list with what is sent (unconfirmed).
    if (current.accessKeys() != null && !current.accessKeys().isEmpty()) {
      for (UserAccessKeys k : current.accessKeys()) {
        b.addAccessKeys(AddUserAccessKey.builder()
            .id(k.id())
            .companyId(k.companyId())
            .accessKeyTypeId(k.accessKeyTypeId())
            .value(k.value())
            .customerId(k.customerId())
            .description(k.description())
            .build());
      }
    }
    return b.build();
  }

  /** BokaMera's answer in neutral terms: the fields the mapping covers, as BokaMera holds them. */
  static Customer toNeutral(CustomerQueryResponse r) {
    Customer.Builder b = Customer.builder();
    Optional.ofNullable(r.firstname()).ifPresent(b::firstName);
    Optional.ofNullable(r.lastname()).ifPresent(b::lastName);
    Optional.ofNullable(r.email()).ifPresent(b::email);
    Optional.ofNullable(r.phone()).ifPresent(b::phone);
    Optional.ofNullable(r.subscribedToNewsletter()).ifPresent(b::newsletterSubscribed);
    InvoiceAddressResponse ia = r.invoiceAddress();
    if (ia != null) {
      Optional.ofNullable(ia.corporateIdentityNumber()).ifPresent(b::organizationNumber);
      Address.Builder a = Address.builder();
      Optional.ofNullable(ia.invoiceAddress1()).ifPresent(a::line1);
      Optional.ofNullable(ia.invoiceAddress2()).ifPresent(a::line2);
      Optional.ofNullable(ia.invoicePostalCode()).ifPresent(a::postalCode);
      Optional.ofNullable(ia.invoiceCity()).ifPresent(a::city);
      Optional.ofNullable(ia.invoiceCountryCode()).ifPresent(a::countryCode);
      Address address = a.build();
      if (!address.equals(Address.builder().build())) {
        b.invoiceAddress(address);
      }
    }
    if (r.customFieldValues() != null) {
      for (CustomFieldDataResponse v : r.customFieldValues()) {
        if (v.id() != null && v.value() != null) {
          b.putCustomFields(Integer.toString(v.id()), v.value());
        }
      }
    }
    return b.build();
  }

  private static InvoiceAddressToHandle mergeInvoiceAddress(InvoiceAddressResponse held, Customer c) {
    Optional<Address> a = c.invoiceAddress();
    boolean changes = c.organizationNumber().isPresent() || a.isPresent() && (a.get().line1().isPresent()
        || a.get().line2().isPresent() || a.get().postalCode().isPresent() || a.get().city().isPresent()
        || a.get().countryCode().isPresent());
    if (held == null && !changes) {
      return null;
    }
    InvoiceAddressResponse h = held != null ? held : InvoiceAddressResponse.builder().build();
    return InvoiceAddressToHandle.builder()
        .corporateIdentityNumber(c.organizationNumber().orElse(h.corporateIdentityNumber()))
        .invoiceAddress1(a.flatMap(Address::line1).orElse(h.invoiceAddress1()))
        .invoiceAddress2(a.flatMap(Address::line2).orElse(h.invoiceAddress2()))
        .invoiceCity(a.flatMap(Address::city).orElse(h.invoiceCity()))
        .invoicePostalCode(a.flatMap(Address::postalCode).orElse(h.invoicePostalCode()))
        .invoiceCountryCode(a.flatMap(Address::countryCode).orElse(h.invoiceCountryCode()))
        .build();
  }

  private static List<AddCustomField> mergeCustomFields(List<CustomFieldDataResponse> held, Map<String, String> set) {
    // Held values go first so that, if BokaMera replaced the whole list (unconfirmed; it is
    // documented as an update by id), none would be lost.
    Map<Integer, String> values = new LinkedHashMap<>();
    if (held != null) {
      for (CustomFieldDataResponse v : held) {
        if (v.id() != null && v.value() != null) {
          values.put(v.id(), v.value());
        }
      }
    }
    set.forEach((key, value) -> {
      if (CUSTOM_FIELD_ID.matcher(key).matches()) {
        values.put(Integer.parseInt(key), value);
      }
    });
    List<AddCustomField> out = new ArrayList<>();
    values.forEach((id, value) -> out.add(AddCustomField.builder().id(id).value(value).build()));
    return out;
  }
}
