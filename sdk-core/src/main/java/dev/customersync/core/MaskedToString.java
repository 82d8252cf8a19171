package dev.customersync.core;

import java.util.Map;
import java.util.Optional;

/**
 * Builds the {@code toString} of the neutral model in the layout Immutables generates ({@code
 * Name{field=value, …}}, unset optionals left out), but with personal values replaced by a mask.
 * Customers end up in logs and exception messages through these strings.
 */
final class MaskedToString {

  static final String MASK = "****";

  private final StringBuilder text;
  private boolean first = true;

  MaskedToString(String type) {
    text = new StringBuilder(128).append(type).append('{');
  }

  MaskedToString plain(String field, Optional<?> value) {
    value.ifPresent(v -> field(field).append(v));
    return this;
  }

  /** An empty value stays visible as empty: it means "clear this field", which is no secret. */
  MaskedToString masked(String field, Optional<String> value) {
    value.ifPresent(v -> field(field).append(v.isEmpty() ? "" : MASK));
    return this;
  }

  /** Keys are vendor field ids and stay readable; values may hold anything personal. */
  MaskedToString maskedValues(String field, Map<String, String> values) {
    StringBuilder out = field(field).append('{');
    boolean firstEntry = true;
    for (Map.Entry<String, String> e : values.entrySet()) {
      out.append(firstEntry ? "" : ", ").append(e.getKey()).append('=').append(e.getValue().isEmpty() ? "" : MASK);
      firstEntry = false;
    }
    out.append('}');
    return this;
  }

  private StringBuilder field(String name) {
    if (!first) {
      text.append(", ");
    }
    first = false;
    return text.append(name).append('=');
  }

  @Override
  public String toString() {
    return text.toString() + '}';
  }
}
