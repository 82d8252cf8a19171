package dev.customersync.storm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * Storm's {@code Address}, used for a customer's or company's invoice and delivery addresses.
 * Not to be confused with the neutral {@link dev.customersync.core.Address}.
 *
 * <p>UpdateCustomer3 rejects a supplied address without {@code Zip}, {@code City} or a country
 * ({@code …ZipMissing}, {@code …CityMissing}, {@code …CountryMissing}).
 */
@Value.Immutable
@JsonSerialize(as = ImmutableAddress.class)
@JsonDeserialize(as = ImmutableAddress.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public abstract class Address {

  Address() {}

  /** {@return a builder for an address with no property set} */
  public static ImmutableAddress.Builder builder() {
    return ImmutableAddress.builder();
  }

  /** {@return Storm's {@code Id} of the address; without one, Storm creates a new address} */
  @JsonProperty("Id")
  @Nullable
  public abstract Integer id();

  /** {@return the c/o line ({@code CareOf})} */
  @JsonProperty("CareOf")
  @Nullable
  public abstract String careOf();

  /** {@return the first street line ({@code Line1})} */
  @JsonProperty("Line1")
  @Nullable
  public abstract String line1();

  /** {@return the second street line ({@code Line2})} */
  @JsonProperty("Line2")
  @Nullable
  public abstract String line2();

  /** {@return the postal code ({@code Zip}); Storm rejects an address without one} */
  @JsonProperty("Zip")
  @Nullable
  public abstract String zip();

  /** {@return the {@code City}; Storm rejects an address without one} */
  @JsonProperty("City")
  @Nullable
  public abstract String city();

  /** {@return Storm's internal id of the country ({@code CountryId})} */
  @JsonProperty("CountryId")
  @Nullable
  public abstract Integer countryId();

  /** {@return the {@code Country}; customer-sync writes the ISO 3166-1 alpha-2 code here (see the package docs)} */
  @JsonProperty("Country")
  @Nullable
  public abstract String country();

  /** {@return the {@code Region} (state, county or province)} */
  @JsonProperty("Region")
  @Nullable
  public abstract String region();

  /** {@return whether Storm has validated the address ({@code IsValidated})} */
  @JsonProperty("IsValidated")
  @Nullable
  public abstract Boolean isValidated();

  /** {@return the GS1 Global Location Number ({@code GlobalLocationNo})} */
  @JsonProperty("GlobalLocationNo")
  @Nullable
  public abstract String globalLocationNo();

  /** {@return the phone number for the carrier ({@code ShippingPhoneNumber})} */
  @JsonProperty("ShippingPhoneNumber")
  @Nullable
  public abstract String shippingPhoneNumber();
}
