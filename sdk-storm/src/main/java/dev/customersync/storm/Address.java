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

  /** Starts an empty address. */
  public static ImmutableAddress.Builder builder() {
    return ImmutableAddress.builder();
  }

  /** Storm's id of the address; without one Storm creates a new address. */
  @JsonProperty("Id")
  @Nullable
  public abstract Integer id();

  @JsonProperty("CareOf")
  @Nullable
  public abstract String careOf();

  @JsonProperty("Line1")
  @Nullable
  public abstract String line1();

  @JsonProperty("Line2")
  @Nullable
  public abstract String line2();

  /** Postal code. */
  @JsonProperty("Zip")
  @Nullable
  public abstract String zip();

  @JsonProperty("City")
  @Nullable
  public abstract String city();

  /** Storm's internal country id. */
  @JsonProperty("CountryId")
  @Nullable
  public abstract Integer countryId();

  /** The country; customer-sync writes the ISO 3166-1 alpha-2 code here (see package docs). */
  @JsonProperty("Country")
  @Nullable
  public abstract String country();

  @JsonProperty("Region")
  @Nullable
  public abstract String region();

  /** Whether Storm has validated the address. */
  @JsonProperty("IsValidated")
  @Nullable
  public abstract Boolean isValidated();

  /** GS1 Global Location Number. */
  @JsonProperty("GlobalLocationNo")
  @Nullable
  public abstract String globalLocationNo();

  @JsonProperty("ShippingPhoneNumber")
  @Nullable
  public abstract String shippingPhoneNumber();
}
