package dev.customersync.bokamera;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.UUID;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * A customer's invoice address as BokaMera answers it ({@link CustomerQueryResponse#invoiceAddress()}).
 */
@Value.Immutable
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonSerialize(as = ImmutableInvoiceAddressResponse.class)
@JsonDeserialize(as = ImmutableInvoiceAddressResponse.class)
public abstract class InvoiceAddressResponse {

  InvoiceAddressResponse() {}

  /** {@return a new, empty {@code InvoiceAddressResponse} builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder prefilled with this value, for copies that differ in a few properties} */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** {@return BokaMera's id of the invoice address ({@code InvoiceAddressId}); read-only, never sent back} */
  @JsonProperty("InvoiceAddressId")
  @Nullable
  public abstract UUID invoiceAddressId();

  /** {@return the id of the user the address belongs to ({@code UserId}); read-only, never sent back} */
  @JsonProperty("UserId")
  @Nullable
  public abstract UUID userId();

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

  /** {@return the invoice address's country ({@code InvoiceCountryCode}), as BokaMera holds it} */
  @JsonProperty("InvoiceCountryCode")
  @Nullable
  public abstract String invoiceCountryCode();

  /** Builds {@link InvoiceAddressResponse} values. */
  public static final class Builder extends ImmutableInvoiceAddressResponse.Builder {
    Builder() {}
  }
}
