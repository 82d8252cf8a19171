package dev.customersync.billbee;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.customersync.core.AuthenticationException;
import dev.customersync.core.VendorApiException;
import dev.customersync.core.VendorServerException;
import dev.customersync.core.json.LosslessJson;
import dev.customersync.core.spi.VendorHttpClient;
import dev.customersync.core.spi.VendorJson;
import dev.customersync.core.spi.VendorResponse;
import java.io.IOException;

/**
 * Turns a 2xx answer into its {@link ApiResult}, or its {@code Data} as an exact JSON tree, and
 * throws when the envelope reports a failure, since Billbee sends some failures with HTTP 200.
 *
 * <p>The exception type follows the code where a caller would act differently: the account cannot
 * use the API ({@code ApiNotActivated}, {@code NoPaidAccount}, {@code APIServiceNotBooked}) gives
 * an {@link AuthenticationException}, {@code InternalError} a {@link VendorServerException}; every
 * other code a plain {@link VendorApiException}. {@code statusCode()} stays the real status (200).
 */
final class BillbeeEnvelopeReader {

  private final ObjectMapper mapper;
  private final VendorHttpClient http;

  BillbeeEnvelopeReader(ObjectMapper mapper, VendorHttpClient http) {
    this.mapper = mapper;
    this.http = http;
  }

  /**
   * The envelope of a successful call; {@code what} names the call in messages (an object, so that
   * its text is only made when a message needs it).
   */
  <T> ApiResult<T> read(VendorResponse response, Class<T> dataType, Object what) {
    JavaType type = mapper.getTypeFactory().constructParametricType(ApiResult.class, dataType);
    ApiResult<T> result;
    try {
      result = response.bodyIsBlank() ? null : mapper.readValue(response.body(), type);
    } catch (IOException e) {
      throw VendorJson.unreadable(http, response,
          "Billbee answered " + what + " with a body that is not a " + dataType.getSimpleName() + " envelope", e);
    }
    if (result == null) {
      throw http.errorFor(response).message("Billbee answered " + what + " with an empty body").build();
    }
    if (!result.isSuccess()) {
      VendorApiException.Builder b = http.errorFor(response);
      BillbeeErrorParser.fromEnvelope(result, b, http::redact);
      throw typed(result.errorCode(), b);
    }
    return result;
  }

  /**
   * The envelope's {@code Data} exactly as Billbee sent it ({@link LosslessJson}): a {@code
   * MissingNode} when the envelope has no {@code Data}, a {@code NullNode} for {@code null}, and
   * otherwise whatever it holds, unchecked. Failures inside the envelope throw as in {@link #read}.
   */
  JsonNode readData(VendorResponse response, Object what) {
    JsonNode data = readEnvelope(response, what).get("Data");
    return data == null ? MissingNode.getInstance() : data;
  }

  /**
   * The whole envelope exactly as Billbee sent it, after its error fields were checked as in {@link
   * #read}: for answers that carry more than {@code Data}, such as the list's {@code Paging}.
   */
  ObjectNode readEnvelope(VendorResponse response, Object what) {
    if (response.bodyIsBlank()) {
      throw http.errorFor(response).message("Billbee answered " + what + " with an empty body").build();
    }
    JsonNode envelope;
    try {
      envelope = LosslessJson.read(response.body());
    } catch (IOException e) {
      throw VendorJson.unreadable(http, response, "Billbee answered " + what + " with a body that is not JSON", e);
    }
    if (!envelope.isObject()) {
      throw http.errorFor(response)
          .message("Billbee answered " + what + " with JSON that is not an envelope {ErrorCode, ErrorMessage, Data}")
          .build();
    }
    ApiResult<Void> result = new ApiResult<>(scalarText(envelope.get("ErrorMessage")),
        BillbeeErrorCode.fromJson(envelope.get("ErrorCode")), BillbeeErrorCode.fromJson(envelope.get("ErrorDescription")),
        null);
    if (!result.isSuccess()) {
      VendorApiException.Builder b = http.errorFor(response);
      BillbeeErrorParser.fromEnvelope(result, b, http::redact);
      throw typed(result.errorCode(), b);
    }
    return (ObjectNode) envelope;
  }

  /** A scalar's text as Jackson would bind it to a String; null for null, absent or a container. */
  private static String scalarText(JsonNode node) {
    return node == null || node.isNull() || node.isContainerNode() ? null : node.asText();
  }

  private static VendorApiException typed(BillbeeErrorCode code, VendorApiException.Builder b) {
    if (code.equals(BillbeeErrorCode.API_NOT_ACTIVATED) || code.equals(BillbeeErrorCode.NO_PAID_ACCOUNT)
        || code.equals(BillbeeErrorCode.API_SERVICE_NOT_BOOKED)) {
      return new AuthenticationException(b);
    }
    if (code.equals(BillbeeErrorCode.INTERNAL_ERROR)) {
      return new VendorServerException(b);
    }
    return b.build();
  }
}
