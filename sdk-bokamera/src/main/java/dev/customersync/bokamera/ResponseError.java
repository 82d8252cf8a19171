package dev.customersync.bokamera;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Map;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * One field's error inside a {@link ResponseStatus}.
 */
@Value.Immutable
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonSerialize(as = ImmutableResponseError.class)
@JsonDeserialize(as = ImmutableResponseError.class)
public abstract class ResponseError {

  ResponseError() {}

  /** {@return a new, empty {@code ResponseError} builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder prefilled with this value, for copies that differ in a few properties} */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** {@return the rule that failed ({@code ErrorCode}), e.g. {@code NotEmpty}} */
  @JsonProperty("ErrorCode")
  @Nullable
  public abstract String errorCode();

  /** {@return the request property, as BokaMera names it ({@code FieldName}), e.g. {@code Firstname}} */
  @JsonProperty("FieldName")
  @Nullable
  public abstract String fieldName();

  /** {@return the human-readable {@code Message} about the field} */
  @JsonProperty("Message")
  @Nullable
  public abstract String message();

  /** {@return ServiceStack's free-form {@code Meta} entries of the field error} */
  @JsonProperty("Meta")
  @Nullable
  public abstract Map<String, String> meta();

  /** Builds {@link ResponseError} values. */
  public static final class Builder extends ImmutableResponseError.Builder {
    Builder() {}
  }
}
