package dev.customersync.core.spi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.customersync.core.VendorApiException;

/**
 * JSON writing and the failure every vendor module raises when an answer cannot be read. A
 * Jackson exception's message quotes the body it choked on, so it never travels as a cause: only
 * its original message, redacted, goes into the {@link VendorApiException}.
 */
public final class VendorJson {

  private VendorJson() {}

  /**
   * {@return {@code body} as JSON bytes}
   *
   * @param mapper the vendor module's mapper
   * @param body the DTO or tree to write
   * @throws IllegalStateException when a DTO cannot be written, which is a bug in the SDK, not bad
   *     input; the message names the type only
   */
  public static byte[] write(ObjectMapper mapper, Object body) {
    try {
      return mapper.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not write a " + body.getClass().getSimpleName() + " as JSON: "
          + e.getOriginalMessage());
    }
  }

  /**
   * The error for an answer that is not what the call expects: the response's status, attempts and
   * redacted start of body, plus {@code what} and Jackson's reason, redacted, without the Jackson
   * exception as a cause.
   *
   * @param http the client that received the answer
   * @param response the answer
   * @param what what was expected, e.g. {@code "Billbee answered GET … with a body that is not a
   *     Customer"}
   * @param failure Jackson's (or the binding's) failure
   * @return the exception to throw
   */
  public static VendorApiException unreadable(VendorHttpClient http, VendorResponse response, String what,
      Exception failure) {
    return http.errorFor(response).message(http.redact(what + ": " + reason(failure))).build();
  }

  /**
   * {@return Jackson's reason without the excerpt of the body it appends, or the exception's
   * message}
   *
   * @param failure any exception
   */
  public static String reason(Exception failure) {
    String why = failure instanceof JsonProcessingException j ? j.getOriginalMessage() : failure.getMessage();
    return why == null ? failure.getClass().getSimpleName() : why;
  }
}
