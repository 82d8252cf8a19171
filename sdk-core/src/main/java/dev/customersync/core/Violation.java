package dev.customersync.core;

import java.util.Objects;

/**
 * One broken rule found while validating input: which field, which rule, and the value that broke
 * it (shortened, with control characters made visible so a message stays on one readable line).
 *
 * @param field the field path, e.g. {@code invoiceAddress.countryCode} or {@code
 *     deliveryAddresses[1].city}
 * @param rule the rule in words, e.g. {@code "at most 50 UTF-16 code units (was 51)"}
 * @param value the offending value as printed in messages, shortened
 */
public record Violation(String field, String rule, String value) {

  private static final int MAX_SHOWN = 60;

  /**
   * Checks the parts and shortens {@code value} for display.
   *
   * @param field the field path
   * @param rule the rule in words
   * @param value the offending value; null is shown as {@code null}
   */
  public Violation {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(rule, "rule");
    value = value == null ? "null" : printable(value);
  }

  /** {@return {@code field: rule (value "...")}, the form used in exception messages} */
  public String message() {
    return field + ": " + rule + " (value \"" + value + "\")";
  }

  @Override
  public String toString() {
    return message();
  }

  private static String printable(String raw) {
    StringBuilder out = new StringBuilder(Math.min(raw.length(), MAX_SHOWN) + 16);
    int shown = 0;
    for (int i = 0; i < raw.length() && shown < MAX_SHOWN; i++, shown++) {
      char c = raw.charAt(i);
      if (shown == MAX_SHOWN - 1 && Character.isHighSurrogate(c) && validSurrogateAt(raw, i)) {
        // Its low half would be cut off, leaving a broken character at the end of the message.
        break;
      }
      if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
          || Character.isSurrogate(c) && !validSurrogateAt(raw, i)) {
        out.append(String.format("\\u%04X", (int) c));
      } else {
        out.append(c);
      }
    }
    if (raw.length() > MAX_SHOWN) {
      out.append("…(").append(raw.length()).append(" chars)");
    }
    return out.toString();
  }

  private static boolean validSurrogateAt(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }
}
