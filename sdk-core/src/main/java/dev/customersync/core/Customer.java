package dev.customersync.core;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A customer described once, in vendor-neutral terms, to be pushed to any vendor through a
 * {@link CustomerUpdater}.
 *
 * <p>Every field is optional, and "not set" is different from "set": an empty {@code Optional}
 * (or a custom-field key that is absent) means the caller has nothing to say about that field, and
 * every vendor updater leaves such a field unchanged at the vendor. To clear a text field at the
 * vendor, set it to the empty string. A builder setter given {@code null} leaves the field unset
 * (a null custom-field value leaves that key unset), so values read from nullable database columns
 * can be passed as they are: {@code email(rs.getString("email"))}, {@code
 * newsletterSubscribed((Boolean) rs.getObject("newsletter"))}, {@code putCustomFields("ShoeSize",
 * rs.getString("shoe_size"))}.
 *
 * <p>Instances are immutable and thread-safe. Building one never validates; call {@link
 * #validate()} (every updater does, before sending anything) to get a {@link
 * CustomerValidationException} listing every rule the value breaks.
 *
 * <pre>{@code
 * Customer c = Customer.builder()
 *     .firstName("Ada").lastName("Lovelace")
 *     .email("ada@example.com")
 *     .build();
 * Customer renamed = c.toBuilder().lastName("King").build();
 * }</pre>
 */
@Value.Immutable
@Value.Style(visibility = Value.Style.ImplementationVisibility.PACKAGE, overshadowImplementation = true,
    optionalAcceptNullable = true)
public abstract class Customer {

  Customer() {}

  /** {@return a new builder with no field set} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder prefilled with this customer, for copies that differ in a few fields} */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** {@return given name} */
  public abstract Optional<String> firstName();

  /** {@return family name} */
  public abstract Optional<String> lastName();

  /** {@return primary e-mail address} */
  public abstract Optional<String> email();

  /** {@return main (landline or only) phone number, as the caller writes it} */
  public abstract Optional<String> phone();

  /** {@return mobile phone number} */
  public abstract Optional<String> mobilePhone();

  /** {@return name of the company the customer is or buys for} */
  public abstract Optional<String> companyName();

  /** {@return the company's registration number (e.g. a Swedish organisationsnummer)} */
  public abstract Optional<String> organizationNumber();

  /** {@return VAT identification number (e.g. {@code SE556677889901})} */
  public abstract Optional<String> vatId();

  /** {@return where invoices go} */
  public abstract Optional<Address> invoiceAddress();

  /**
   * {@return delivery addresses, first one preferred} When set, the list replaces the vendor's list
   * as a whole; when not set, the vendor's addresses are kept.
   */
  public abstract Optional<List<Address>> deliveryAddresses();

  /** {@return whether the customer has opted in to newsletters} */
  public abstract Optional<Boolean> newsletterSubscribed();

  /** {@return the caller's own id or code for this customer (an ERP or CRM number)} */
  public abstract Optional<String> externalCode();

  /** {@return preferred language as a BCP 47 tag, e.g. {@code sv-SE} or {@code de}} */
  public abstract Optional<String> languageTag();

  /**
   * {@return vendor-specific custom fields, by the vendor's field key} Only the keys present are
   * written; other custom fields at the vendor keep their values. A null value given to the
   * builder ({@code putCustomFields("ShoeSize", null)}) leaves that key unset; {@code ""} clears it.
   */
  @SkipNulls
  public abstract Map<String, String> customFields();

  /** {@return whether the customer is active (may log in, may order)} */
  public abstract Optional<Boolean> active();

  /** {@return every rule this customer breaks, in field order; empty when it is valid} */
  public List<Violation> violations() {
    return CustomerValidator.violationsOf(this);
  }

  /**
   * Checks every rule and throws if any is broken.
   *
   * @throws CustomerValidationException listing every violation, never only the first
   */
  public void validate() {
    List<Violation> violations = violations();
    if (!violations.isEmpty()) {
      throw new CustomerValidationException(violations);
    }
  }

  /**
   * Field names and values, except that e-mail, phone numbers, organisation number and VAT id (a
   * sole trader's carry a personal identity number), address values and custom-field values are
   * masked as {@code ****}: customers end up in logs and exception messages. Names, company name
   * and custom-field keys stay readable; an empty value (a clear) is shown empty.
   */
  @Override
  public String toString() {
    return new MaskedToString("Customer")
        .plain("firstName", firstName())
        .plain("lastName", lastName())
        .masked("email", email())
        .masked("phone", phone())
        .masked("mobilePhone", mobilePhone())
        .plain("companyName", companyName())
        .masked("organizationNumber", organizationNumber())
        .masked("vatId", vatId())
        .plain("invoiceAddress", invoiceAddress())
        .plain("deliveryAddresses", deliveryAddresses())
        .plain("newsletterSubscribed", newsletterSubscribed())
        .plain("externalCode", externalCode())
        .plain("languageTag", languageTag())
        .maskedValues("customFields", customFields())
        .plain("active", active())
        .toString();
  }

  /** Builds {@link Customer} values. */
  public static final class Builder extends ImmutableCustomer.Builder {
    Builder() {}
  }
}
