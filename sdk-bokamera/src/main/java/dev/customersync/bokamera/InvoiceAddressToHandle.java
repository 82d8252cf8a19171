package dev.customersync.bokamera;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * The invoice address sent in an {@link UpdateCustomer} ({@code InvoiceAddress} property).
 */
@Value.Immutable
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonSerialize(as = ImmutableInvoiceAddressToHandle.class)
@JsonDeserialize(as = ImmutableInvoiceAddressToHandle.class)
public abstract class InvoiceAddressToHandle {

  InvoiceAddressToHandle() {}

  /** {@return a new, empty {@code InvoiceAddressToHandle} builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder prefilled with this value, for copies that differ in a few properties} */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** {@return the company's registration number, the organisationsnummer ({@code CorporateIdentityNumber})} */
  @JsonProperty("CorporateIdentityNumber")
  @Nullable
  public abstract String corporateIdentityNumber();

  /** {@return the first line of the invoice address ({@code InvoiceAddress1})} */
  @JsonProperty("InvoiceAddress1")
  @Nullable
  public abstract String invoiceAddress1();

  /** {@return the second line of the invoice address ({@code InvoiceAddress2})} */
  @JsonProperty("InvoiceAddress2")
  @Nullable
  public abstract String invoiceAddress2();

  /** {@return the invoice address's city ({@code InvoiceCity})} */
  @JsonProperty("InvoiceCity")
  @Nullable
  public abstract String invoiceCity();

  /** {@return the invoice address's postal code ({@code InvoicePostalCode})} */
  @JsonProperty("InvoicePostalCode")
  @Nullable
  public abstract String invoicePostalCode();

  /** {@return the invoice address's country ({@code InvoiceCountryCode}); customer-sync sends the ISO alpha-2 code} */
  @JsonProperty("InvoiceCountryCode")
  @Nullable
  public abstract String invoiceCountryCode();

  /** Builds {@link InvoiceAddressToHandle} values. */
  public static final class Builder extends ImmutableInvoiceAddressToHandle.Builder {
    Builder() {}
  }
}
