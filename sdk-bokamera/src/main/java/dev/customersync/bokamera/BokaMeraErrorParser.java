package dev.customersync.bokamera;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.customersync.core.VendorApiException;
import dev.customersync.core.spi.ErrorParser;
import dev.customersync.core.spi.Redactor;
import dev.customersync.core.spi.VendorResponse;
import java.io.IOException;
import java.util.Map;

/**
 * Reads ServiceStack's error format, {@code ResponseStatus {ErrorCode, Message, StackTrace,
 * Errors[{ErrorCode, FieldName, Message, Meta}], Meta}}, whether it is the whole body or nested in
 * a {@code ResponseStatus} property of a response DTO. Each {@code Errors[]} entry with a field name
 * becomes a field error keyed by that {@code FieldName} as BokaMera sent it (e.g. {@code
 * Firstname}): the vendor's own property names, the vocabulary of every vendor's {@link
 * VendorApiException#fieldErrors()}. Property names are matched ignoring case, because a ServiceStack host can
 * be configured to answer in camelCase.
 *
 * <p>Never throws: a body that is empty, HTML or cut short keeps the status and raw body and gets a
 * message that says what kind of body it was. The vendor's message is redacted, because
 * ServiceStack echoes request values (which may include the API key) in some messages.
 */
final class BokaMeraErrorParser implements ErrorParser {

  // What mayReportFailure looks for after a quote, in lower case.
  private static final byte[] ERROR = {'e', 'r', 'r', 'o', 'r'};

  private final ObjectMapper mapper;
  private final Redactor redactor;

  BokaMeraErrorParser(ObjectMapper mapper, Redactor redactor) {
    this.mapper = mapper;
    this.redactor = redactor;
  }

  @Override
  public void parse(VendorResponse response, VendorApiException.Builder into) {
    try {
      if (response.bodyIsBlank()) {
        describeIfSilent(into, "empty body");
        return;
      }
      JsonNode root;
      try {
        root = mapper.readTree(response.body());
      } catch (IOException notJson) {
        String type = response.contentType().isEmpty() ? "no Content-Type" : "Content-Type " + response.contentType();
        describeIfSilent(into, "body is not complete JSON (" + type + ")");
        return;
      }
      JsonNode status = responseStatusOf(root);
      if (status == null) {
        describeIfSilent(into, "body has no ServiceStack ResponseStatus");
        return;
      }
      apply(status, into);
    } catch (RuntimeException unexpected) {
      // An error parser must never hide the original failure behind its own.
      describeIfSilent(into, "error body could not be read (" + unexpected.getClass().getSimpleName() + ")");
    }
  }

  /**
   * The {@code ResponseStatus} object of {@code root}: its {@code ResponseStatus} property, or
   * {@code root} itself when it has the status's own properties; null when it has neither.
   */
  static JsonNode responseStatusOf(JsonNode root) {
    if (root == null || !root.isObject()) {
      return null;
    }
    JsonNode nested = field(root, "ResponseStatus");
    if (nested != null && nested.isObject()) {
      return nested;
    }
    if (field(root, "ErrorCode") != null || field(root, "Errors") != null || field(root, "Message") != null) {
      return root;
    }
    return null;
  }

  /**
   * False only when {@code body} cannot hold a failing status: {@link #reportsFailure} needs an
   * {@code ErrorCode} or {@code Errors} property, and no quoted text starting with "error" (in any
   * case) appears in the bytes. A cheap gate so that ordinary answers are bound once, without a
   * tree. Assumes property names are not spelled with JSON unicode escapes, which ServiceStack
   * never does for ASCII.
   */
  static boolean mayReportFailure(byte[] body) {
    // Anchored on the opening quote of a property name: quotes are far rarer than the letter e.
    int last = body.length - ERROR.length - 1;
    for (int i = 0; i <= last; i++) {
      if (body[i] == '"' && matchesError(body, i + 1)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matchesError(byte[] body, int at) {
    for (int k = 0; k < ERROR.length; k++) {
      // ASCII letters only: OR-ing 0x20 lower-cases them, and no other byte maps onto "error".
      if ((body[at + k] | 0x20) != ERROR[k]) {
        return false;
      }
    }
    return true;
  }

  /** Whether a status object reports a failure: an error code or at least one field error. */
  static boolean reportsFailure(JsonNode status) {
    if (status == null) {
      return false;
    }
    JsonNode errors = field(status, "Errors");
    return !text(status, "ErrorCode").isBlank() || errors != null && errors.isArray() && errors.size() > 0;
  }

  private void apply(JsonNode status, VendorApiException.Builder into) {
    String errorCode = text(status, "ErrorCode");
    String message = text(status, "Message");
    String firstFieldMessage = "";
    JsonNode errors = field(status, "Errors");
    if (errors != null && errors.isArray()) {
      for (JsonNode error : errors) {
        String fieldName = text(error, "FieldName");
        String fieldMessage = text(error, "Message");
        if (fieldMessage.isBlank()) {
          fieldMessage = text(error, "ErrorCode");
        }
        if (firstFieldMessage.isBlank()) {
          firstFieldMessage = fieldMessage;
        }
        if (!fieldName.isBlank()) {
          into.fieldError(redactor.redact(fieldName), redactor.redact(fieldMessage));
        }
      }
    }
    into.errorCode(redactor.redact(errorCode));
    String best = !message.isBlank() ? message : !firstFieldMessage.isBlank() ? firstFieldMessage : errorCode;
    if (!best.isBlank()) {
      into.message(redactor.redact(best));
    } else {
      describeIfSilent(into, "ResponseStatus without a message");
    }
  }

  private static void describeIfSilent(VendorApiException.Builder into, String what) {
    if (into.message().isEmpty()) {
      into.message("(" + what + ")");
    }
  }

  private static JsonNode field(JsonNode object, String name) {
    JsonNode exact = object.get(name);
    if (exact != null) {
      return exact;
    }
    for (Map.Entry<String, JsonNode> e : object.properties()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue();
      }
    }
    return null;
  }

  private static String text(JsonNode object, String name) {
    if (object == null || !object.isObject()) {
      return "";
    }
    JsonNode value = field(object, name);
    return value == null || value.isNull() || value.isContainerNode() ? "" : value.asText();
  }
}
