package dev.customersync.core;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One property an update changes (or would change) at a vendor, named as the vendor names it:
 * {@code Tel1}, {@code Companies[0].Name}, {@code MetaData[2].Value}. {@link #before()} and {@link
 * #after()} are the property's JSON as read and as it would be written ({@code "Ada"} with quotes,
 * {@code 12}, {@code null}, an object); empty when the property is absent on that side.
 *
 * <p>Values are shown as they are: a dry run exists to show what would change. Do not log plans
 * of customers whose data must not reach your logs.
 */
public final class FieldChange {

  private final String field;
  private final @Nullable String before;
  private final @Nullable String after;

  private FieldChange(String field, @Nullable String before, @Nullable String after) {
    this.field = Objects.requireNonNull(field, "field");
    this.before = before;
    this.after = after;
  }

  /**
   * {@return a change of {@code field} from {@code before} to {@code after}}
   *
   * @param field the vendor's path of the property
   * @param before the property's JSON text as read, or null when it was absent
   * @param after the property's JSON text as written, or null when the write leaves it out
   */
  public static FieldChange of(String field, @Nullable String before, @Nullable String after) {
    return new FieldChange(field, before, after);
  }

  /** {@return the vendor's path of the property, e.g. {@code Companies[0].Name}} */
  public String field() {
    return field;
  }

  /**
   * {@return the property's JSON as read; empty when the vendor's customer had no such property}
   */
  public Optional<String> before() {
    return Optional.ofNullable(before);
  }

  /** {@return the property's JSON as written; empty when the write leaves the property out} */
  public Optional<String> after() {
    return Optional.ofNullable(after);
  }

  @Override
  public boolean equals(Object o) {
    return this == o || o instanceof FieldChange c && field.equals(c.field) && Objects.equals(before, c.before)
        && Objects.equals(after, c.after);
  }

  @Override
  public int hashCode() {
    return Objects.hash(field, before, after);
  }

  /** {@code field: before → after}, with {@code (absent)} for a missing side. */
  @Override
  public String toString() {
    return field + ": " + (before == null ? "(absent)" : before) + " → " + (after == null ? "(absent)" : after);
  }
}
