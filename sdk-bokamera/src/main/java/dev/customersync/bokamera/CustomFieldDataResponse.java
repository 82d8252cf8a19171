package dev.customersync.bokamera;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * One custom-field value a customer holds ({@link CustomerQueryResponse#customFieldValues()}).
 */
@Value.Immutable
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonSerialize(as = ImmutableCustomFieldDataResponse.class)
@JsonDeserialize(as = ImmutableCustomFieldDataResponse.class)
public abstract class CustomFieldDataResponse {

  CustomFieldDataResponse() {}

  /** {@return a new, empty {@code CustomFieldDataResponse} builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder prefilled with this value, for copies that differ in a few properties} */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** {@return the custom field's {@code Id}, as in {@link CustomFieldConfigData#id()}} */
  @JsonProperty("Id")
  @Nullable
  public abstract Integer id();

  /** {@return the {@code Column} BokaMera stores the value in} */
  @JsonProperty("Column")
  @Nullable
  public abstract String column();

  /** {@return the custom field's {@code Name}} */
  @JsonProperty("Name")
  @Nullable
  public abstract String name();

  /** {@return the custom field's {@code Description}} */
  @JsonProperty("Description")
  @Nullable
  public abstract String description();

  /** {@return the customer's {@code Value} of the field; {@code null} when it has none} */
  @JsonProperty("Value")
  @Nullable
  public abstract String value();

  /** {@return the field's data type ({@code DataType}), e.g. {@code TextBox}} */
  @JsonProperty("DataType")
  @Nullable
  public abstract String dataType();

  /** Builds {@link CustomFieldDataResponse} values. */
  public static final class Builder extends ImmutableCustomFieldDataResponse.Builder {
    Builder() {}
  }
}
