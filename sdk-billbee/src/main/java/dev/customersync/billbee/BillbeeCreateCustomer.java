package dev.customersync.billbee;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.OffsetDateTime;
import java.util.List;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /api/v1/customers} (Billbee's {@code CreateCustomerApiModel}): every
 * property of {@link BillbeeCustomer} plus the customer's first {@code Address}, cased as Billbee
 * cases them. Null properties are left out of the JSON.
 *
 * <p>{@link BillbeeClient#createCustomer} requires an {@code Address} (both official SDKs always
 * send one; whether Billbee requires it is unconfirmed) and an {@code Id} of null (Billbee documents
 * {@code Id} in the model, but whether a client may choose the id is unconfirmed).
 */
@Value.Immutable
@Value.Style(visibility = Value.Style.ImplementationVisibility.PACKAGE, overshadowImplementation = true)
@JsonSerialize(as = ImmutableBillbeeCreateCustomer.class)
@JsonDeserialize(as = ImmutableBillbeeCreateCustomer.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"Id", "Name", "Email", "Tel1", "Tel2", "Number", "PriceGroupId", "LanguageId", "VatId", "Type",
    "MetaData", "DefaultMailAddress", "DefaultCommercialMailAddress", "DefaultStatusUpdatesMailAddress",
    "DefaultPhone1", "DefaultPhone2", "DefaultFax", "ArchivedAt", "RestoredAt", "Address"})
public abstract class BillbeeCreateCustomer {

  BillbeeCreateCustomer() {}

  /** {@return a new builder for a customer with nothing set} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the customer's id; must stay null, Billbee assigns it} */
  @JsonProperty("Id")
  public abstract @Nullable Long id();

  /** {@return the customer's display name: a company name, or a person's first and last name} */
  @JsonProperty("Name")
  public abstract @Nullable String name();

  /** {@return the customer's e-mail address} */
  @JsonProperty("Email")
  public abstract @Nullable String email();

  /** {@return the customer's first phone number} */
  @JsonProperty("Tel1")
  public abstract @Nullable String tel1();

  /** {@return the customer's second phone number} */
  @JsonProperty("Tel2")
  public abstract @Nullable String tel2();

  /** {@return Billbee's customer number (an int32 in Billbee's model)} */
  @JsonProperty("Number")
  public abstract @Nullable Long number();

  /** {@return the id of the Billbee price group} */
  @JsonProperty("PriceGroupId")
  public abstract @Nullable Long priceGroupId();

  /** {@return the id of the customer's language in the Billbee account} */
  @JsonProperty("LanguageId")
  public abstract @Nullable Integer languageId();

  /** {@return the VAT id} */
  @JsonProperty("VatId")
  public abstract @Nullable String vatId();

  /** {@return end customer (0) or business customer (1)} */
  @JsonProperty("Type")
  public abstract @Nullable BillbeeCustomerType type();

  /** {@return contact entries (e-mail addresses and phone numbers)} */
  @JsonProperty("MetaData")
  public abstract @Nullable List<BillbeeCustomerMetaData> metaData();

  /** {@return the default e-mail entry} */
  @JsonProperty("DefaultMailAddress")
  public abstract @Nullable BillbeeCustomerMetaData defaultMailAddress();

  /** {@return the default e-mail entry for commercial mail} */
  @JsonProperty("DefaultCommercialMailAddress")
  public abstract @Nullable BillbeeCustomerMetaData defaultCommercialMailAddress();

  /** {@return the default e-mail entry for status updates} */
  @JsonProperty("DefaultStatusUpdatesMailAddress")
  public abstract @Nullable BillbeeCustomerMetaData defaultStatusUpdatesMailAddress();

  /** {@return the default phone entry} */
  @JsonProperty("DefaultPhone1")
  public abstract @Nullable BillbeeCustomerMetaData defaultPhone1();

  /** {@return the second default phone entry} */
  @JsonProperty("DefaultPhone2")
  public abstract @Nullable BillbeeCustomerMetaData defaultPhone2();

  /** {@return the default fax entry} */
  @JsonProperty("DefaultFax")
  public abstract @Nullable BillbeeCustomerMetaData defaultFax();

  /** {@return when the customer was archived (Billbee's to set)} */
  @JsonProperty("ArchivedAt")
  public abstract @Nullable OffsetDateTime archivedAt();

  /** {@return when the customer was restored (Billbee's to set)} */
  @JsonProperty("RestoredAt")
  public abstract @Nullable OffsetDateTime restoredAt();

  /** {@return the customer's first address; required by {@link BillbeeClient#createCustomer}} */
  @JsonProperty("Address")
  public abstract @Nullable BillbeeCustomerAddress address();

  /** Builds {@link BillbeeCreateCustomer} values. */
  public static final class Builder extends ImmutableBillbeeCreateCustomer.Builder {
    Builder() {}
  }
}
