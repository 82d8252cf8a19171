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

  /** {@return a new, empty {@code ResponseStatus} builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder prefilled with this value, for copies that differ in a few properties} */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** {@return the error's code ({@code ErrorCode}), e.g. {@code ValidationException} or {@code NotFound}} */
  @JsonProperty("ErrorCode")
  @Nullable
  public abstract String errorCode();

  /** {@return the error's human-readable {@code Message}} */
  @JsonProperty("Message")
  @Nullable
  public abstract String message();

  /** {@return the server's stack trace ({@code StackTrace}); only servers in debug mode send it} */
  @JsonProperty("StackTrace")
  @Nullable
  public abstract String stackTrace();

  /** {@return one entry per failed field ({@code Errors})} */
  @JsonProperty("Errors")
  @Nullable
  public abstract List<ResponseError> errors();

  /** {@return ServiceStack's free-form {@code Meta} entries of the error} */
  @JsonProperty("Meta")
  @Nullable
  public abstract Map<String, String> meta();

  /** Builds {@link ResponseStatus} values. */
  public static final class Builder extends ImmutableResponseStatus.Builder {
    Builder() {}
  }
}
