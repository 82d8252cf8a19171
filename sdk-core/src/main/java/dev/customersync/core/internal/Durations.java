package dev.customersync.core.internal;

import java.time.Duration;
import java.util.Objects;

/** The checks a builder's {@link Duration} settings go through, with messages naming the setting. */
public final class Durations {

  private Durations() {}

  /**
   * {@return {@code d}, when it is positive}
   *
   * @param d the setting
   * @param name the setting's name, for the message
   * @throws NullPointerException when null, naming {@code name}
   * @throws IllegalArgumentException when zero or negative, naming {@code name} and the value
   */
  public static Duration requirePositive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + d);
    }
    return d;
  }

  /**
   * {@return {@code d}, when it is zero or positive}
   *
   * @param d the setting
   * @param name the setting's name, for the message
   * @throws NullPointerException when null, naming {@code name}
   * @throws IllegalArgumentException when negative, naming {@code name} and the value
   */
  public static Duration requireNotNegative(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative, was " + d);
    }
    return d;
  }
}
