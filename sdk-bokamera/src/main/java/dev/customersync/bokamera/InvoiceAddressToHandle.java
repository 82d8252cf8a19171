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

  /** Starts a new, empty {@code InvoiceAddressToHandle}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder prefilled with this value, for copies that differ in a few properties. */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** The company's registration number (organisationsnummer). */
  @JsonProperty("CorporateIdentityNumber")
  @Nullable
  public abstract String corporateIdentityNumber();

  @JsonProperty("InvoiceAddress1")
  @Nullable
  public abstract String invoiceAddress1();

  @JsonProperty("InvoiceAddress2")
  @Nullable
  public abstract String invoiceAddress2();

  @JsonProperty("InvoiceCity")
  @Nullable
  public abstract String invoiceCity();

  @JsonProperty("InvoicePostalCode")
  @Nullable
  public abstract String invoicePostalCode();

  @JsonProperty("InvoiceCountryCode")
  @Nullable
  public abstract String invoiceCountryCode();

  /** Builds {@link InvoiceAddressToHandle} values. */
  public static final class Builder extends ImmutableInvoiceAddressToHandle.Builder {
    Builder() {}
  }
}
