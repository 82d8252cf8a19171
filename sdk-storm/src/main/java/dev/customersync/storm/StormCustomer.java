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

  /** Starts an empty customer. */
  public static ImmutableStormCustomer.Builder builder() {
    return ImmutableStormCustomer.builder();
  }

  /** Storm's internal id; empty for a customer Storm has not created yet. */
  @JsonProperty("Id")
  @Nullable
  public abstract Integer id();

  /** System-wide unique key (a GUID), kept as text so an odd value never fails a read. */
  @JsonProperty("Key")
  @Nullable
  public abstract String key();

  /** External code, usually the ERP id. */
  @JsonProperty("Code")
  @Nullable
  public abstract String code();

  @JsonProperty("Email")
  @Nullable
  public abstract String email();

  /** Social security number, used by some payment methods. */
  @JsonProperty("SSN")
  @Nullable
  public abstract String ssn();

  @JsonProperty("FirstName")
  @Nullable
  public abstract String firstName();

  @JsonProperty("LastName")
  @Nullable
  public abstract String lastName();

  @JsonProperty("Phone")
  @Nullable
  public abstract String phone();

  @JsonProperty("CellPhone")
  @Nullable
  public abstract String cellPhone();

  /** An external id to tag the customer with. */
  @JsonProperty("ReferId")
  @Nullable
  public abstract Integer referId();

  /** The incoming URL the customer is tagged with. */
  @JsonProperty("ReferUrl")
  @Nullable
  public abstract String referUrl();

  @JsonProperty("Account")
  @Nullable
  public abstract Account account();

  /** The customer's companies; the first is the default. */
  @JsonProperty("Companies")
  @Nullable
  public abstract List<Company> companies();

  @JsonProperty("DeliveryAddresses")
  @Nullable
  public abstract List<Address> deliveryAddresses();

  @JsonProperty("InvoiceAddress")
  @Nullable
  public abstract Address invoiceAddress();

  @JsonProperty("Flags")
  @Nullable
  public abstract List<Flag> flags();

  @JsonProperty("UseInvoiceAddressAsDeliveryAddress")
  @Nullable
  public abstract Boolean useInvoiceAddressAsDeliveryAddress();

  /** Client-specific id-value pairs; customer-sync maps custom fields here by {@code Code}. */
  @JsonProperty("Info")
  @Nullable
  public abstract List<IdValue> info();

  /** Price lists valid for the customer; read-only at Storm, sent back unchanged. */
  @JsonProperty("PricelistIds")
  @Nullable
  public abstract List<Integer> pricelistIds();

  /** The customer's id in a CRM system. */
  @JsonProperty("CrmId")
  @Nullable
  public abstract String crmId();

  @JsonProperty("IsActive")
  @Nullable
  public abstract Boolean isActive();

  @JsonProperty("Created")
  @Nullable
  public abstract OffsetDateTime created();

  @JsonProperty("Updated")
  @Nullable
  public abstract OffsetDateTime updated();
}
