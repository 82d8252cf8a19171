package dev.customersync.storm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.customersync.core.VendorApiException;
import dev.customersync.core.json.Json;
import dev.customersync.core.spi.ErrorParser;
import dev.customersync.core.spi.Redactor;
import dev.customersync.core.spi.VendorResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads Storm's {@link ErrorMessage} fault into a {@link VendorApiException}: {@code errorCode} is
 * the first {@code Messages} key (e.g. {@code CustomerAlreadyExists}), the message is Storm's own
 * text ({@code Message}, then every {@code Messages} value that adds to it, then the {@code
 * MessageId} for Storm support), and keys that name a field become {@code fieldErrors} under
 * Storm's own property path, as its Customer JSON spells it (the vocabulary every vendor's {@link
 * VendorApiException#fieldErrors()} uses):
 *
 * <table>
 *   <caption>Storm message keys with a field</caption>
 *   <tr><th>Storm key</th><th>field error</th></tr>
 *   <tr><td>{@code InvalidEmail}, {@code CustomerAlreadyExists}</td><td>{@code Email}</td></tr>
 *   <tr><td>{@code AccountAlreadyExists}</td><td>{@code Account}</td></tr>
 *   <tr><td>{@code InvalidCompanyName}</td><td>{@code Companies.Name}</td></tr>
 *   <tr><td>{@code CompanyAlreadyExists}</td><td>{@code Companies.Name}, {@code Companies.OrgNo}</td></tr>
 *   <tr><td>{@code InvoiceAddressZipMissing} / {@code …CityMissing} / {@code …CountryMissing}</td>
 *       <td>{@code InvoiceAddress.Zip} / {@code .City} / {@code .Country}</td></tr>
 *   <tr><td>{@code DeliveryAddressZipMissing} / {@code …CityMissing} / {@code …CountryMissing}</td>
 *       <td>{@code DeliveryAddresses.Zip} / {@code .City} / {@code .Country}</td></tr>
 * </table>
 *
 * <p>A short {@code text/plain} body becomes the message as it is. Never throws: a body that is
 * empty, HTML or not a fault leaves the exception with its status and raw body. Every text taken from the body passes through the client's {@link Redactor}.
 */
public final class StormErrorParser implements ErrorParser {

  private static final Map<String, List<String>> FIELDS = fields();
  private static final int MAX_PLAIN_TEXT = 300;

  private final ObjectMapper mapper = Json.newWcfMapper();
  private final Redactor redactor;

  /** @param redactor the client's redactor, so that no secret echoed by Storm reaches a message */
  public StormErrorParser(Redactor redactor) {
    this.redactor = Objects.requireNonNull(redactor, "redactor");
  }

  @Override
  public void parse(VendorResponse response, VendorApiException.Builder into) {
    try {
      if (response.bodyIsBlank()) {
        return;
      }
      if (response.contentType().toLowerCase(java.util.Locale.ROOT).startsWith("text/plain")) {
        // IIS and Storm's gateway answer some refusals (403, 404) with a short plain-text reason.
        String text = response.bodyText().strip();
        into.message(redactor.redact(text.length() > MAX_PLAIN_TEXT ? text.substring(0, MAX_PLAIN_TEXT) + "…" : text));
        return;
      }
      JsonNode json = mapper.readTree(response.body());
      if (json == null) {
        return;
      }
      if (json.isTextual()) {
        // WCF answers some faults with a bare JSON string.
        into.message(redactor.redact(json.asText()));
        return;
      }
      if (!json.isObject()) {
        return;
      }
      readFault(json, into);
    } catch (Exception notAFault) {
      // Left as is: the status and the raw body still say what happened.
    }
  }

  /**
   * Maps a Storm message key to the Storm properties it is about.
   *
   * @param key Storm's message key, e.g. {@code InvalidEmail}; may be {@code null}
   * @return the property paths the key names, as Storm's JSON spells them (e.g. {@code Email},
   *     {@code InvoiceAddress.Zip}); empty when it names none
   */
  public static List<String> fieldsOf(String key) {
    return key == null ? List.of() : FIELDS.getOrDefault(key, List.of());
  }

  private void readFault(JsonNode json, VendorApiException.Builder into) {
    String message = text(json.get("Message"));
    List<String> details = new ArrayList<>();
    String firstKey = null;
    JsonNode messages = json.get("Messages");
    if (messages != null && messages.isArray()) {
      for (JsonNode entry : messages) {
        String key = text(entry.get("Key"));
        String value = text(entry.get("Value"));
        if (key == null && value == null) {
          continue;
        }
        if (firstKey == null && key != null) {
          firstKey = key;
        }
        String shown = value != null ? value : key;
        for (String field : fieldsOf(key)) {
          into.fieldError(field, redactor.redact(shown));
        }
        if (value != null && !value.equals(message) && !details.contains(value)) {
          details.add(value);
        }
      }
    }
    if (firstKey != null) {
      into.errorCode(firstKey);
    }
    StringBuilder text = new StringBuilder();
    if (message != null) {
      text.append(message);
    }
    for (String d : details) {
      text.append(text.length() == 0 ? "" : "; ").append(d);
    }
    if (text.length() == 0 && firstKey != null) {
      text.append(firstKey);
    }
    String messageId = text(json.get("MessageId"));
    if (text.length() > 0) {
      if (messageId != null) {
        text.append(" (Storm MessageId ").append(messageId).append(')');
      }
      into.message(redactor.redact(text.toString()));
    }
  }

  private static String text(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    String s = node.isValueNode() ? node.asText() : node.toString();
    return s.isBlank() ? null : s;
  }

  private static Map<String, List<String>> fields() {
    Map<String, List<String>> m = new LinkedHashMap<>();
    m.put("InvalidEmail", List.of("Email"));
    m.put("CustomerAlreadyExists", List.of("Email"));
    m.put("AccountAlreadyExists", List.of("Account"));
    m.put("InvalidCompanyName", List.of("Companies.Name"));
    m.put("CompanyAlreadyExists", List.of("Companies.Name", "Companies.OrgNo"));
    for (String part : List.of("Invoice", "Delivery")) {
      // Storm's Customer holds one InvoiceAddress and a list of DeliveryAddresses.
      String path = part.equals("Invoice") ? "InvoiceAddress" : "DeliveryAddresses";
      m.put(part + "AddressZipMissing", List.of(path + ".Zip"));
      m.put(part + "AddressCityMissing", List.of(path + ".City"));
      m.put(part + "AddressCountryMissing", List.of(path + ".Country"));
    }
    return Map.copyOf(m);
  }
}
