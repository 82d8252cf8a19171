package dev.customersync.billbee;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.customersync.core.VendorApiException;
import dev.customersync.core.spi.ErrorParser;
import dev.customersync.core.spi.VendorResponse;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Reads Billbee's two error formats into a {@link VendorApiException.Builder}:
 *
 * <ul>
 *   <li>the {@link ApiResult} envelope, {@code {"ErrorMessage": …, "ErrorCode": 11, …}}, which
 *       Billbee also sends with HTTP 200: the code's name ({@link BillbeeErrorCode#name()}) becomes
 *       the error code, {@code ErrorMessage} the message;
 *   <li>ASP.NET Web API errors, {@code {"Message": "The request is invalid.", "ModelState":
 *       {"model.Email": ["…"]}}} (billbee-php-sdk issue #80), and their cousins with {@code
 *       MessageDetail} or {@code ExceptionMessage}: {@code Message} becomes the message and each
 *       model-state entry a field error.
 * </ul>
 *
 * Field-error keys drop the ASP.NET action-parameter prefix ({@code model.Email} → {@code Email})
 * so they name the property as Billbee's JSON does; a key without a property part is kept as sent.
 * Anything else (HTML, text, truncated JSON) leaves the builder unchanged. Never throws.
 *
 * <p>Billbee's texts pass through the client's redactor before they reach the exception: a server
 * that echoes the request (some error pages do) must not carry the API key into a message. The core
 * redacts only the raw body.
 */
public final class BillbeeErrorParser implements ErrorParser {

  // Billbee's properties are PascalCase, so a leading lower-case segment is the parameter name.
  private static final Pattern PARAMETER_PREFIX = Pattern.compile("^[a-z][A-Za-z0-9_]*\\.(?=.)");

  private final ObjectMapper mapper;
  private final UnaryOperator<String> redact;

  /**
   * @param mapper the client's mapper (only {@code readTree} is used)
   * @param redact masks the client's secrets in a text, e.g. {@code redactor::redact}
   */
  public BillbeeErrorParser(ObjectMapper mapper, UnaryOperator<String> redact) {
    this.mapper = mapper;
    this.redact = redact;
  }

  @Override
  public void parse(VendorResponse response, VendorApiException.Builder into) {
    if (response.bodyIsBlank()) {
      return;
    }
    try {
      JsonNode root = mapper.readTree(response.body());
      if (root != null && root.isObject()) {
        parseEnvelope(root, into, redact);
        parseModelState(root, into, redact);
      }
    } catch (Exception notOurFormat) {
      // The exception still carries the status and the raw body; nothing more to learn here.
    }
  }

  /** Fills the builder from an envelope whose {@code ErrorCode}/{@code ErrorMessage} say failure. */
  static void fromEnvelope(ApiResult<?> result, VendorApiException.Builder into, UnaryOperator<String> redact) {
    into.errorCode(result.errorCode().name());
    String message = result.errorMessage();
    into.message(message == null || message.isBlank()
        ? "Billbee reported error " + result.errorCode() + " without a message"
        : redact.apply(message));
  }

  private static void parseEnvelope(JsonNode root, VendorApiException.Builder into, UnaryOperator<String> redact) {
    if (!root.has("ErrorCode") && !root.has("ErrorMessage")) {
      return;
    }
    BillbeeErrorCode code = BillbeeErrorCode.fromJson(root.get("ErrorCode"));
    if (code == null) {
      code = BillbeeErrorCode.NO_ERROR;
    }
    String message = text(root.get("ErrorMessage"));
    if (!code.isNoError()) {
      into.errorCode(code.name());
    }
    if (message != null && !message.isBlank()) {
      into.message(redact.apply(message));
    }
  }

  private static void parseModelState(JsonNode root, VendorApiException.Builder into, UnaryOperator<String> redact) {
    String message = text(root.get("Message"));
    String detail = firstText(root, "MessageDetail", "ExceptionMessage");
    if (message != null && !message.isBlank() && into.message().isEmpty()) {
      into.message(redact.apply(detail == null || detail.isBlank() ? message : message + " " + detail));
    }
    JsonNode modelState = root.get("ModelState");
    if (modelState == null || !modelState.isObject()) {
      return;
    }
    for (Map.Entry<String, JsonNode> e : modelState.properties()) {
      String field = redact.apply(PARAMETER_PREFIX.matcher(e.getKey()).replaceFirst(""));
      if (e.getValue().isArray()) {
        for (JsonNode m : e.getValue()) {
          String text = text(m);
          if (text != null) {
            into.fieldError(field, redact.apply(text));
          }
        }
      } else {
        String text = text(e.getValue());
        if (text != null) {
          into.fieldError(field, redact.apply(text));
        }
      }
    }
  }

  private static String firstText(JsonNode root, String... names) {
    for (String n : names) {
      String t = text(root.get(n));
      if (t != null && !t.isBlank()) {
        return t;
      }
    }
    return null;
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() || node.isContainerNode() ? null : node.asText();
  }
}
