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
 * One contact entry of a Billbee customer ({@code CustomerMetaDataApiModel}): an e-mail address or
 * phone number with its Billbee id. Used for {@code MetaData[]} and for each {@code Default*}
 * property of {@link BillbeeCustomer}.
 *
 * <p>Every property is written, null ones included, so the PUT body says exactly what the entry
 * holds whether Billbee replaces omitted properties or keeps them.
 */
@Value.Immutable
@Value.Style(visibility = Value.Style.ImplementationVisibility.PACKAGE, overshadowImplementation = true)
@JsonSerialize(as = ImmutableBillbeeCustomerMetaData.class)
@JsonDeserialize(as = ImmutableBillbeeCustomerMetaData.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"Id", "TypeId", "TypeName", "SubType", "Value"})
public abstract class BillbeeCustomerMetaData {

  /** {@code TypeId} of an e-mail address. */
  public static final long TYPE_EMAIL = 1;

  /** {@code TypeId} of a phone number. */
  public static final long TYPE_PHONE = 2;

  BillbeeCustomerMetaData() {}

  /** {@return a new builder for an entry with nothing set} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder prefilled with this entry} */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** {@return Billbee's id of the entry} */
  @JsonProperty("Id")
  public abstract @Nullable Long id();

  /** {@return what the entry is: {@link #TYPE_EMAIL} (1) or {@link #TYPE_PHONE} (2)} */
  @JsonProperty("TypeId")
  public abstract @Nullable Long typeId();

  /** {@return Billbee's name of the type (read-only at Billbee, sent back as read)} */
  @JsonProperty("TypeName")
  public abstract @Nullable String typeName();

  /** {@return a finer kind within the type, as Billbee names it} */
  @JsonProperty("SubType")
  public abstract @Nullable String subType();

  /** {@return the address or number} */
  @JsonProperty("Value")
  public abstract @Nullable String value();

  /** Builds {@link BillbeeCustomerMetaData} values. */
  public static final class Builder extends ImmutableBillbeeCustomerMetaData.Builder {
    Builder() {}
  }
}
