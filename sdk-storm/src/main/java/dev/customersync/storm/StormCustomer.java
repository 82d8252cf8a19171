package dev.customersync.storm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.OffsetDateTime;
import java.util.List;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * Storm's {@code Customer}, as {@code GetCustomer} returns it and {@code UpdateCustomer3} takes it,
 * with every property the vendor documents, named exactly as Storm cases them ({@code FirstName},
 * {@code SSN}, {@code CellPhone}).
 *
 * <p>Every property is nullable: {@code null} means Storm did not send it, and a {@code null}
 * property is left out of the JSON {@link StormClient#updateCustomer} sends. Dates are read in the
 * WCF form {@code /Date(ms±hhmm)/} and in ISO 8601, and written in the WCF form with an offset. The
 * {@link StormClient#customerUpdater() updater} does not go through this DTO on its way to Storm:
 * it sends back the JSON Storm sent, so dates, nulls and properties this DTO does not model come back
 * unchanged. Maximum lengths (checked before
 * sending by {@link StormClient#updateCustomer}): {@code Code}, {@code SSN}, {@code FirstName},
 * {@code LastName}, {@code Phone}, {@code CellPhone}, {@code CrmId} 50; {@code Email}, {@code
 * ReferUrl} 255.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableStormCustomer.class)
@JsonDeserialize(as = ImmutableStormCustomer.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public abstract class StormCustomer {

  StormCustomer() {}

  /** {@return a builder for a customer with no property set} */
  public static ImmutableStormCustomer.Builder builder() {
    return ImmutableStormCustomer.builder();
  }

  /** {@return Storm's internal {@code Id} of the customer, or {@code null} for one Storm has not created yet} */
  @JsonProperty("Id")
  @Nullable
  public abstract Integer id();

  /** {@return the system-wide unique {@code Key} (a GUID), kept as text so an odd value never fails a read} */
  @JsonProperty("Key")
  @Nullable
  public abstract String key();

  /** {@return the external {@code Code}, usually the customer's id in the ERP} At most 50 characters. */
  @JsonProperty("Code")
  @Nullable
  public abstract String code();

  /** {@return the customer's {@code Email} address} At most 255 characters, unique among Storm's customers. */
  @JsonProperty("Email")
  @Nullable
  public abstract String email();

  /** {@return the social security number ({@code SSN}), used to identify the customer for some payment methods} */
  @JsonProperty("SSN")
  @Nullable
  public abstract String ssn();

  /** {@return the customer's {@code FirstName}} At most 50 characters. */
  @JsonProperty("FirstName")
  @Nullable
  public abstract String firstName();

  /** {@return the customer's {@code LastName}} At most 50 characters. */
  @JsonProperty("LastName")
  @Nullable
  public abstract String lastName();

  /** {@return the customer's {@code Phone} number} At most 50 characters. */
  @JsonProperty("Phone")
  @Nullable
  public abstract String phone();

  /** {@return the customer's mobile number ({@code CellPhone})} At most 50 characters. */
  @JsonProperty("CellPhone")
  @Nullable
  public abstract String cellPhone();

  /** {@return the external id the customer is tagged with ({@code ReferId})} */
  @JsonProperty("ReferId")
  @Nullable
  public abstract Integer referId();

  /** {@return the incoming URL the customer is tagged with ({@code ReferUrl})} At most 255 characters. */
  @JsonProperty("ReferUrl")
  @Nullable
  public abstract String referUrl();

  /** {@return the customer's login {@code Account}, or {@code null} when it has none or Storm did not send it} */
  @JsonProperty("Account")
  @Nullable
  public abstract Account account();

  /** {@return the customer's {@code Companies}; the first is the default one} */
  @JsonProperty("Companies")
  @Nullable
  public abstract List<Company> companies();

  /** {@return the customer's {@code DeliveryAddresses}; when one is needed, Storm uses the first} */
  @JsonProperty("DeliveryAddresses")
  @Nullable
  public abstract List<Address> deliveryAddresses();

  /** {@return the customer's {@code InvoiceAddress}} */
  @JsonProperty("InvoiceAddress")
  @Nullable
  public abstract Address invoiceAddress();

  /** {@return the customer's {@code Flags}, which promotions and custom handling can key on} */
  @JsonProperty("Flags")
  @Nullable
  public abstract List<Flag> flags();

  /**
   * {@return whether Storm uses the invoice address as the delivery address too
   * ({@code UseInvoiceAddressAsDeliveryAddress}); when {@code true}, {@link #deliveryAddresses()} is ignored on writes}
   */
  @JsonProperty("UseInvoiceAddressAsDeliveryAddress")
  @Nullable
  public abstract Boolean useInvoiceAddressAsDeliveryAddress();

  /**
   * {@return the client-specific id-value pairs ({@code Info}); customer-sync maps custom fields here by {@code Code}}
   */
  @JsonProperty("Info")
  @Nullable
  public abstract List<IdValue> info();

  /**
   * {@return the ids of the price lists valid for the customer ({@code PricelistIds}); read-only at Storm, sent back
   * unchanged}
   */
  @JsonProperty("PricelistIds")
  @Nullable
  public abstract List<Integer> pricelistIds();

  /** {@return the customer's id in a CRM system ({@code CrmId})} At most 50 characters. */
  @JsonProperty("CrmId")
  @Nullable
  public abstract String crmId();

  /** {@return whether the customer is active ({@code IsActive})} */
  @JsonProperty("IsActive")
  @Nullable
  public abstract Boolean isActive();

  /** {@return when Storm created the customer ({@code Created}); read-only} */
  @JsonProperty("Created")
  @Nullable
  public abstract OffsetDateTime created();

  /** {@return when Storm last updated the customer ({@code Updated}); read-only} */
  @JsonProperty("Updated")
  @Nullable
  public abstract OffsetDateTime updated();
}
