package dev.customersync.bokamera;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * One custom-field value in an {@link UpdateCustomer}: the BokaMera custom-field id and the value to store.
 */
@Value.Immutable
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonSerialize(as = ImmutableAddCustomField.class)
@JsonDeserialize(as = ImmutableAddCustomField.class)
public abstract class AddCustomField {

  AddCustomField() {}

  /** Starts a new, empty {@code AddCustomField}. */
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

  @JsonProperty("Value")
  @Nullable
  public abstract String value();

  /** Builds {@link AddCustomField} values. */
  public static final class Builder extends ImmutableAddCustomField.Builder {
    Builder() {}
  }
}
