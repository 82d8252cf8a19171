package dev.customersync.core;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Input was rejected before anything was sent: the message and {@link #violations()} list every
 * field that broke a rule, the rule, and the offending value. Not {@link #retryable()}: the data
 * must change first; nothing reached the vendor.
 */
public class CustomerValidationException extends CustomerSyncException {

  /** Every rule broken, in field order. */
  private final List<Violation> violations;

  /** @param violations at least one violation */
  public CustomerValidationException(List<Violation> violations) {
    super(messageOf(violations));
    this.violations = List.copyOf(violations);
  }

  /**
   * A single violation, for a check that has exactly one thing to say (e.g. a malformed id).
   *
   * @param field the field path
   * @param rule the rule in words
   * @param value the offending value
   */
  public CustomerValidationException(String field, String rule, String value) {
    this(List.of(new Violation(field, rule, value)));
  }

  /** {@return every rule broken, in field order} */
  public List<Violation> violations() {
    return violations;
  }

  private static String messageOf(List<Violation> violations) {
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("a validation exception needs at least one violation");
    }
    return violations.size() + (violations.size() == 1 ? " invalid field: " : " invalid fields: ")
        + violations.stream().map(Violation::message).collect(Collectors.joining("; "));
  }
}
