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

  /** Starts a new, empty {@code InvoiceAddressResponse}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder prefilled with this value, for copies that differ in a few properties. */
  public Builder toBuilder() {
    return builder().from(this);
  }

  @JsonProperty("InvoiceAddressId")
  @Nullable
  public abstract UUID invoiceAddressId();

  @JsonProperty("UserId")
  @Nullable
  public abstract UUID userId();

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

  /** Builds {@link InvoiceAddressResponse} values. */
  public static final class Builder extends ImmutableInvoiceAddressResponse.Builder {
    Builder() {}
  }
}
