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

  /** {@return a new, empty {@code AddCustomField} builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder prefilled with this value, for copies that differ in a few properties} */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** {@return the custom field's id ({@code Id}), as BokaMera's custom-field definitions number it} */
  @JsonProperty("Id")
  @Nullable
  public abstract Integer id();

  /** {@return the value to set for the custom field ({@code Value})} */
  @JsonProperty("Value")
  @Nullable
  public abstract String value();

  /** Builds {@link AddCustomField} values. */
  public static final class Builder extends ImmutableAddCustomField.Builder {
    Builder() {}
  }
}
