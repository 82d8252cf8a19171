package dev.customersync.billbee;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * A Billbee customer as {@code GET} and {@code PUT /api/v1/customers/{id}} carry it (Billbee's
 * {@code CustomerApiModel}), with every property the API page names, cased exactly as Billbee
 * cases them.
 *
 * <p>Billbee's docs do not say whether a PUT clears the properties it omits (FACTS.md:
 * unconfirmed; the official SDKs always send the whole model). This class is therefore written
 * whole: every named property appears in the JSON, null ones as {@code null}, and properties this
 * SDK does not know yet are kept from the read in {@link #additionalProperties()} and written back
 * unchanged, so a read-modify-write never drops a field Billbee adds later.
 *
 * <p>Numbers are boxed and nullable because Billbee may omit any of them. {@code Number} is an int32
 * in Billbee's model but is read as a {@code Long} so that an unexpected value cannot make a
 * customer unreadable.
 */
@Value.Immutable
@Value.Style(visibility = Value.Style.ImplementationVisibility.PACKAGE, overshadowImplementation = true)
@JsonSerialize(as = ImmutableBillbeeCustomer.class)
@JsonDeserialize(as = ImmutableBillbeeCustomer.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"Id", "Name", "Email", "Tel1", "Tel2", "Number", "PriceGroupId", "LanguageId", "VatId", "Type",
    "MetaData", "DefaultMailAddress", "DefaultCommercialMailAddress", "DefaultStatusUpdatesMailAddress",
    "DefaultPhone1", "DefaultPhone2", "DefaultFax", "ArchivedAt", "RestoredAt"})
public abstract class BillbeeCustomer {

  BillbeeCustomer() {}

  /** {@return a new builder for a customer with nothing set} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder prefilled with this customer, for copies that differ in a few properties} */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** {@return Billbee's id of the customer (int64; values like {@code 100000150176895} are common)} */
  @JsonProperty("Id")
  public abstract @Nullable Long id();

  /** {@return the customer's display name: a company name, or a person's first and last name} */
  @JsonProperty("Name")
  public abstract @Nullable String name();

  /** {@return the customer's e-mail address, mirrored in {@code DefaultMailAddress}} */
  @JsonProperty("Email")
  public abstract @Nullable String email();

  /** {@return the customer's first phone number, mirrored in {@code DefaultPhone1}} */
  @JsonProperty("Tel1")
  public abstract @Nullable String tel1();

  /** {@return the customer's second phone number (the mobile one), mirrored in {@code DefaultPhone2}} */
  @JsonProperty("Tel2")
  public abstract @Nullable String tel2();

  /** {@return Billbee's customer number (an int32 in Billbee's model)} */
  @JsonProperty("Number")
  public abstract @Nullable Long number();

  /** {@return the id of the Billbee price group the customer belongs to} */
  @JsonProperty("PriceGroupId")
  public abstract @Nullable Long priceGroupId();

  /** {@return the id of the customer's language in the Billbee account (Billbee publishes no list)} */
  @JsonProperty("LanguageId")
  public abstract @Nullable Integer languageId();

  /** {@return the VAT id Billbee uses when an order carries none of its own} */
  @JsonProperty("VatId")
  public abstract @Nullable String vatId();

  /** {@return Billbee's customer type: end customer (0) or business customer (1)} */
  @JsonProperty("Type")
  public abstract @Nullable BillbeeCustomerType type();

  /** {@return every contact entry (e-mail addresses and phone numbers) of the customer} */
  @JsonProperty("MetaData")
  public abstract @Nullable List<BillbeeCustomerMetaData> metaData();

  /** {@return the customer's default e-mail entry, also found in {@code MetaData}} */
  @JsonProperty("DefaultMailAddress")
  public abstract @Nullable BillbeeCustomerMetaData defaultMailAddress();

  /** {@return the customer's default e-mail entry for commercial mail, also found in {@code MetaData}} */
  @JsonProperty("DefaultCommercialMailAddress")
  public abstract @Nullable BillbeeCustomerMetaData defaultCommercialMailAddress();

  /** {@return the customer's default e-mail entry for status updates, also found in {@code MetaData}} */
  @JsonProperty("DefaultStatusUpdatesMailAddress")
  public abstract @Nullable BillbeeCustomerMetaData defaultStatusUpdatesMailAddress();

  /** {@return the customer's default phone entry, also found in {@code MetaData}} */
  @JsonProperty("DefaultPhone1")
  public abstract @Nullable BillbeeCustomerMetaData defaultPhone1();

  /** {@return the customer's second default phone entry, also found in {@code MetaData}} */
  @JsonProperty("DefaultPhone2")
  public abstract @Nullable BillbeeCustomerMetaData defaultPhone2();

  /** {@return the customer's default fax entry} */
  @JsonProperty("DefaultFax")
  public abstract @Nullable BillbeeCustomerMetaData defaultFax();

  /** {@return when the customer was archived; while archived it can no longer be modified} */
  @JsonProperty("ArchivedAt")
  public abstract @Nullable OffsetDateTime archivedAt();

  /** {@return when the customer was last restored from the archive} */
  @JsonProperty("RestoredAt")
  public abstract @Nullable OffsetDateTime restoredAt();

  /**
   * Properties Billbee sent that this class does not name, kept so that they are written back as
   * they came.
   *
   * @return the unknown properties by name, as Billbee sent them; empty when there are none
   */
  @JsonAnyGetter
  public abstract Map<String, JsonNode> additionalProperties();

  /**
   * Whether Billbee considers the customer archived, so that it refuses changes: {@code ArchivedAt}
   * is set and no later {@code RestoredAt} undoes it. Whether Billbee clears {@code ArchivedAt} on
   * restore is not documented; this reads both behaviours right.
   *
   * @return true when {@code ArchivedAt} is set and not followed by a later {@code RestoredAt}
   */
  @JsonIgnore
  public boolean isArchived() {
    OffsetDateTime archived = archivedAt();
    OffsetDateTime restored = restoredAt();
    return archived != null && (restored == null || restored.isBefore(archived));
  }

  /** Builds {@link BillbeeCustomer} values. */
  public static final class Builder extends ImmutableBillbeeCustomer.Builder {
    Builder() {}
  }
}
