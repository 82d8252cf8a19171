package dev.customersync.bokamera;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * One choice of a drop-down custom field ({@link CustomFieldConfigData#values()}).
 */
@Value.Immutable
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonSerialize(as = ImmutableCustomFieldValueResponse.class)
@JsonDeserialize(as = ImmutableCustomFieldValueResponse.class)
public abstract class CustomFieldValueResponse {

  CustomFieldValueResponse() {}

  /** {@return a new, empty {@code CustomFieldValueResponse} builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder prefilled with this value, for copies that differ in a few properties} */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** {@return the choice's {@code Value}} */
  @JsonProperty("Value")
  @Nullable
  public abstract String value();

  /** Builds {@link CustomFieldValueResponse} values. */
  public static final class Builder extends ImmutableCustomFieldValueResponse.Builder {
    Builder() {}
  }
}
