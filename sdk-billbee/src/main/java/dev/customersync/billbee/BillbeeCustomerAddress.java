package dev.customersync.billbee;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * A Billbee customer address ({@code CustomerAddressApiModel}), as the {@code Address} of a
 * {@link BillbeeCreateCustomer}, with every property Billbee's swagger names, cased as Billbee cases
 * them.
 *
 * <p>Null properties are left out of the JSON: a create has nothing to keep, so an absent property
 * and a null one mean the same (nothing set).
 */
@Value.Immutable
@Value.Style(visibility = Value.Style.ImplementationVisibility.PACKAGE, overshadowImplementation = true)
@JsonSerialize(as = ImmutableBillbeeCustomerAddress.class)
@JsonDeserialize(as = ImmutableBillbeeCustomerAddress.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"Id", "AddressType", "CustomerId", "Company", "FirstName", "LastName", "Name2", "Street",
    "Housenumber", "Zip", "City", "State", "CountryCode", "Email", "Tel1", "Tel2", "Fax", "AddressAddition"})
public abstract class BillbeeCustomerAddress {

  /**
   * The {@code AddressType} both official SDKs send with a new customer. What 1 and 2 mean is not
   * documented (read: invoice and delivery address).
   */
  public static final int TYPE_1 = 1;

  BillbeeCustomerAddress() {}

  /** {@return a new builder for an address with nothing set} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return Billbee's id of the address; null for a new one} */
  @JsonProperty("Id")
  public abstract @Nullable Long id();

  /** {@return Billbee's address type, 1 or 2 (meaning undocumented; the SDKs send 1 on create)} */
  @JsonProperty("AddressType")
  public abstract @Nullable Integer addressType();

  /** {@return the id of the customer the address belongs to; null for a new customer} */
  @JsonProperty("CustomerId")
  public abstract @Nullable Long customerId();

  /** {@return the company name} */
  @JsonProperty("Company")
  public abstract @Nullable String company();

  /** {@return the first name} */
  @JsonProperty("FirstName")
  public abstract @Nullable String firstName();

  /** {@return the last name} */
  @JsonProperty("LastName")
  public abstract @Nullable String lastName();

  /** {@return a second name line} */
  @JsonProperty("Name2")
  public abstract @Nullable String name2();

  /** {@return the street} */
  @JsonProperty("Street")
  public abstract @Nullable String street();

  /** {@return the house number, when kept apart from the street} */
  @JsonProperty("Housenumber")
  public abstract @Nullable String housenumber();

  /** {@return the postal code} */
  @JsonProperty("Zip")
  public abstract @Nullable String zip();

  /** {@return the city} */
  @JsonProperty("City")
  public abstract @Nullable String city();

  /** {@return the state or region} */
  @JsonProperty("State")
  public abstract @Nullable String state();

  /** {@return the country as an ISO 3166-1 alpha-2 code} */
  @JsonProperty("CountryCode")
  public abstract @Nullable String countryCode();

  /** {@return the e-mail address} */
  @JsonProperty("Email")
  public abstract @Nullable String email();

  /** {@return the first phone number} */
  @JsonProperty("Tel1")
  public abstract @Nullable String tel1();

  /** {@return the second phone number} */
  @JsonProperty("Tel2")
  public abstract @Nullable String tel2();

  /** {@return the fax number} */
  @JsonProperty("Fax")
  public abstract @Nullable String fax();

  /** {@return an addition to the address (a second address line)} */
  @JsonProperty("AddressAddition")
  public abstract @Nullable String addressAddition();

  /** Builds {@link BillbeeCustomerAddress} values. */
  public static final class Builder extends ImmutableBillbeeCustomerAddress.Builder {
    Builder() {}
  }
}
