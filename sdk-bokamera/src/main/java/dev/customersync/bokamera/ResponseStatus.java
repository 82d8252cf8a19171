package dev.customersync.bokamera;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * ServiceStack's error description ({@code ResponseStatus}): an error code, a message and one
 * {@link ResponseError} per failed field. Empty on success.
 */
@Value.Immutable
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonSerialize(as = ImmutableResponseStatus.class)
@JsonDeserialize(as = ImmutableResponseStatus.class)
public abstract class ResponseStatus {

  ResponseStatus() {}

  /** Starts a new, empty {@code ResponseStatus}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder prefilled with this value, for copies that differ in a few properties. */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** The error's code, e.g. {@code ValidationException} or {@code NotFound}. */
  @JsonProperty("ErrorCode")
  @Nullable
  public abstract String errorCode();

  @JsonProperty("Message")
  @Nullable
  public abstract String message();

  /** Only sent by servers in debug mode. */
  @JsonProperty("StackTrace")
  @Nullable
  public abstract String stackTrace();

  /** One entry per failed field. */
  @JsonProperty("Errors")
  @Nullable
  public abstract List<ResponseError> errors();

  @JsonProperty("Meta")
  @Nullable
  public abstract Map<String, String> meta();

  /** Builds {@link ResponseStatus} values. */
  public static final class Builder extends ImmutableResponseStatus.Builder {
    Builder() {}
  }
}
