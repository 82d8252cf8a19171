package dev.customersync.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Collects {@link Violation}s so that a check reports every broken rule at once, not only the
 * first. The neutral model uses it, and vendor modules use it for their own limits (a vendor's
 * maximum lengths, its id format) before anything is sent.
 *
 * <p>Not thread-safe: use one per validation.
 */
public final class Violations {

  private final List<Violation> found = new ArrayList<>();

  /**
   * Records that {@code field} breaks {@code rule} with {@code value}.
   *
   * @param field the field path, e.g. {@code invoiceAddress.city}
   * @param rule the rule in words
   * @param value the offending value
   * @return this collector
   */
  public Violations add(String field, String rule, String value) {
    found.add(new Violation(field, rule, value));
    return this;
  }

  /**
   * Adds every violation of {@code others}, e.g. the neutral model's own.
   *
   * @param others violations found elsewhere
   * @return this collector
   */
  public Violations addAll(List<Violation> others) {
    found.addAll(others);
    return this;
  }

  /**
   * Records a violation when {@code value} is longer than {@code max} UTF-16 code units ({@link
   * String#length()}). That is how .NET strings and SQL Server {@code nvarchar} columns count, so a
   * character outside the Basic Multilingual Plane, such as most emoji, takes two.
   *
   * @param field the field path
   * @param value the value, when set
   * @param max the most UTF-16 code units allowed
   * @return this collector
   */
  public Violations maxLength(String field, Optional<String> value, int max) {
    value.ifPresent(v -> maxLength(field, v, max));
    return this;
  }

  /**
   * Same as {@link #maxLength(String, Optional, int)} for a plain, possibly null, value.
   *
   * @param field the field path
   * @param value the value, or null
   * @param max the most UTF-16 code units allowed
   * @return this collector
   */
  public Violations maxLength(String field, String value, int max) {
    if (value != null && value.length() > max) {
      add(field, "at most " + max + " UTF-16 code units (was " + value.length() + ")", value);
    }
    return this;
  }

  /** {@return true when nothing was found} */
  public boolean isEmpty() {
    return found.isEmpty();
  }

  /** {@return what was found so far, in the order found} */
  public List<Violation> list() {
    return List.copyOf(found);
  }

  /**
   * Throws a {@link CustomerValidationException} listing everything found, if anything was.
   *
   * @throws CustomerValidationException when anything was found
   */
  public void throwIfAny() {
    if (!found.isEmpty()) {
      throw new CustomerValidationException(found);
    }
  }
}
