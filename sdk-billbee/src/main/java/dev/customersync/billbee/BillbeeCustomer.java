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

  /** Starts a customer with nothing set. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder prefilled with this customer, for copies that differ in a few properties. */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** Billbee's id of the customer (int64; values like {@code 100000150176895} are common). */
  @JsonProperty("Id")
  public abstract @Nullable Long id();

  /** The customer's display name: a company name, or a person's first and last name. */
  @JsonProperty("Name")
  public abstract @Nullable String name();

  @JsonProperty("Email")
  public abstract @Nullable String email();

  @JsonProperty("Tel1")
  public abstract @Nullable String tel1();

  @JsonProperty("Tel2")
  public abstract @Nullable String tel2();

  /** Billbee's customer number (an int32 in Billbee's model). */
  @JsonProperty("Number")
  public abstract @Nullable Long number();

  @JsonProperty("PriceGroupId")
  public abstract @Nullable Long priceGroupId();

  @JsonProperty("LanguageId")
  public abstract @Nullable Integer languageId();

  /** The VAT id Billbee uses when an order carries none of its own. */
  @JsonProperty("VatId")
  public abstract @Nullable String vatId();

  /** End customer (0) or business customer (1). */
  @JsonProperty("Type")
  public abstract @Nullable BillbeeCustomerType type();

  /** Every contact entry (e-mail addresses and phone numbers) of the customer. */
  @JsonProperty("MetaData")
  public abstract @Nullable List<BillbeeCustomerMetaData> metaData();

  @JsonProperty("DefaultMailAddress")
  public abstract @Nullable BillbeeCustomerMetaData defaultMailAddress();

  @JsonProperty("DefaultCommercialMailAddress")
  public abstract @Nullable BillbeeCustomerMetaData defaultCommercialMailAddress();

  @JsonProperty("DefaultStatusUpdatesMailAddress")
  public abstract @Nullable BillbeeCustomerMetaData defaultStatusUpdatesMailAddress();

  @JsonProperty("DefaultPhone1")
  public abstract @Nullable BillbeeCustomerMetaData defaultPhone1();

  @JsonProperty("DefaultPhone2")
  public abstract @Nullable BillbeeCustomerMetaData defaultPhone2();

  @JsonProperty("DefaultFax")
  public abstract @Nullable BillbeeCustomerMetaData defaultFax();

  /** When the customer was archived; while archived it can no longer be modified. */
  @JsonProperty("ArchivedAt")
  public abstract @Nullable OffsetDateTime archivedAt();

  /** When the customer was last restored from the archive. */
  @JsonProperty("RestoredAt")
  public abstract @Nullable OffsetDateTime restoredAt();

  /**
   * Properties Billbee sent that this class does not name, kept so that they are written back as
   * they came.
   */
  @JsonAnyGetter
  public abstract Map<String, JsonNode> additionalProperties();

  /**
   * Whether Billbee considers the customer archived, so that it refuses changes: {@code ArchivedAt}
   * is set and no later {@code RestoredAt} undoes it. Whether Billbee clears {@code ArchivedAt} on
   * restore is not documented; this reads both behaviours right.
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
