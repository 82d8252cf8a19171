package dev.customersync.billbee;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * Billbee's answer envelope, {@code {"ErrorMessage", "ErrorCode", "ErrorDescription", "Data"}}, in
 * which every call returns its payload. Billbee reports some failures inside it with HTTP 200, so
 * {@link #isSuccess()} must be checked even on a success status: an {@code ErrorCode} other than 0
 * or a non-empty {@code ErrorMessage} means the call failed.
 *
 * <p>Immutable; thread-safe when {@code T} is.
 *
 * @param <T> the payload type, e.g. {@link BillbeeCustomer}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"ErrorMessage", "ErrorCode", "ErrorDescription", "Data"})
public final class ApiResult<T> {

  private final String errorMessage;
  private final BillbeeErrorCode errorCode;
  private final BillbeeErrorCode errorDescription;
  private final T data;

  /**
   * @param errorMessage Billbee's error text, null on success
   * @param errorCode the error code; null reads as {@link BillbeeErrorCode#NO_ERROR}
   * @param errorDescription the error code again as Billbee's read-only {@code ErrorDescription}
   *     (an integer enum in Billbee's swagger); may be null
   * @param data the payload, null on failure
   */
  @JsonCreator
  public ApiResult(
      @JsonProperty("ErrorMessage") String errorMessage,
      @JsonProperty("ErrorCode") BillbeeErrorCode errorCode,
      @JsonProperty("ErrorDescription") BillbeeErrorCode errorDescription,
      @JsonProperty("Data") T data) {
    this.errorMessage = errorMessage;
    this.errorCode = errorCode == null ? BillbeeErrorCode.NO_ERROR : errorCode;
    this.errorDescription = errorDescription;
    this.data = data;
  }

  /**
   * Builds the envelope Billbee sends on success: {@code ErrorCode} 0, no {@code ErrorMessage}.
   *
   * @param <T> the payload type
   * @param data the payload to carry in {@code Data}
   * @return a successful envelope around {@code data}
   */
  public static <T> ApiResult<T> success(T data) {
    return new ApiResult<>(null, BillbeeErrorCode.NO_ERROR, BillbeeErrorCode.NO_ERROR, data);
  }

  /**
   * Builds the envelope Billbee sends on failure, with no {@code Data}.
   *
   * @param <T> the payload type the call would have returned
   * @param code the error, sent as both {@code ErrorCode} and {@code ErrorDescription}
   * @param message Billbee's error text for {@code ErrorMessage}
   * @return a failed envelope
   */
  public static <T> ApiResult<T> failure(BillbeeErrorCode code, String message) {
    return new ApiResult<>(message, code, code, null);
  }

  /** {@return Billbee's {@code ErrorMessage}, the error text; null or empty on success} */
  @JsonProperty("ErrorMessage")
  public String errorMessage() {
    return errorMessage;
  }

  /** {@return Billbee's {@code ErrorCode}; {@link BillbeeErrorCode#NO_ERROR} when it was absent} */
  @JsonProperty("ErrorCode")
  public BillbeeErrorCode errorCode() {
    return errorCode;
  }

  /**
   * {@return Billbee's read-only {@code ErrorDescription}, the error code again; may be null}
   */
  @JsonProperty("ErrorDescription")
  public BillbeeErrorCode errorDescription() {
    return errorDescription;
  }

  /** {@return the payload Billbee sent in {@code Data}; null on failure} */
  @JsonProperty("Data")
  public T data() {
    return data;
  }

  /**
   * Tells whether the call succeeded, which an HTTP 200 alone does not prove.
   *
   * @return false when {@code ErrorCode} is not 0 or {@code ErrorMessage} is not empty
   */
  @JsonIgnore
  public boolean isSuccess() {
    return errorCode.isNoError() && (errorMessage == null || errorMessage.isBlank());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ApiResult<?> other
        && Objects.equals(errorMessage, other.errorMessage)
        && errorCode.equals(other.errorCode)
        && Objects.equals(errorDescription, other.errorDescription)
        && Objects.equals(data, other.data);
  }

  @Override
  public int hashCode() {
    return Objects.hash(errorMessage, errorCode, errorDescription, data);
  }

  @Override
  public String toString() {
    return "ApiResult{errorCode=" + errorCode + ", errorMessage=" + errorMessage + ", data=" + data + "}";
  }
}
