package dev.customersync.core;

import java.util.Locale;
import java.util.Optional;

/**
 * A neutral field that identifies a customer at a vendor without the vendor's own id, so a sync can
 * find the customer (or create it) from the caller's data alone. Values are compared in {@link
 * #normalize normalized} form.
 */
public enum MatchKey {

  /** The customer's e-mail address, compared case-insensitively (trimmed, lower-cased). */
  EMAIL("email"),

  /** The caller's own code for the customer ({@link Customer#externalCode()}), compared exactly after trimming. */
  EXTERNAL_CODE("externalCode");

  private final String field;

  MatchKey(String field) {
    this.field = field;
  }

  /** {@return the neutral field this key reads, as {@link Customer} names it: {@code email}, {@code externalCode}} */
  public String field() {
    return field;
  }

  /**
   * {@return the key's value in {@code customer}, normalized, or empty when the customer does not set
   * it or sets it blank}
   *
   * @param customer the neutral customer
   */
  public Optional<String> valueIn(Customer customer) {
    Optional<String> raw = this == EMAIL ? customer.email() : customer.externalCode();
    return raw.map(this::normalize).filter(v -> !v.isEmpty());
  }

  /**
   * {@return {@code value} in the form two keys are compared in: trimmed, and for {@link #EMAIL}
   * lower-cased (ROOT locale)}
   *
   * @param value a key value as a customer or a vendor holds it
   */
  public String normalize(String value) {
    String trimmed = value.strip();
    return this == EMAIL ? trimmed.toLowerCase(Locale.ROOT) : trimmed;
  }
}
