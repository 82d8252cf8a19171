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

  /** Starts a new, empty {@code CustomFieldDataResponse}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder prefilled with this value, for copies that differ in a few properties. */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** The custom field's id. */
  @JsonProperty("Id")
  @Nullable
  public abstract Integer id();

  @JsonProperty("Column")
  @Nullable
  public abstract String column();

  @JsonProperty("Name")
  @Nullable
  public abstract String name();

  @JsonProperty("Description")
  @Nullable
  public abstract String description();

  @JsonProperty("Value")
  @Nullable
  public abstract String value();

  /** Data type of the field, e.g. {@code TextBox}. */
  @JsonProperty("DataType")
  @Nullable
  public abstract String dataType();

  /** Builds {@link CustomFieldDataResponse} values. */
  public static final class Builder extends ImmutableCustomFieldDataResponse.Builder {
    Builder() {}
  }
}
