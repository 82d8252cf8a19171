package dev.customersync.cli;

import dev.customersync.core.sync.SyncItem;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One row of a customer file: either a customer to sync, or a bad row with the reason it cannot be
 * synced. A bad row never stops the reading: the rows after it are read as usual.
 *
 * @param line the 1-based line of the file the row starts on (a quoted cell may span lines)
 * @param key the row's {@code key} cell, or its e-mail address, or {@code line <n>} when it has
 *     neither; the only customer data a bad row's report carries
 * @param item the customer and its links, or null for a bad row
 * @param reason why the row cannot be synced, naming the column and the rule, or null for a good row
 */
public record CustomerRow(long line, String key, @Nullable SyncItem item, @Nullable String reason) {

  /**
   * Checks that the row is exactly one of good and bad.
   *
   * @param line the 1-based line of the file the row starts on
   * @param key the row's key
   * @param item the customer and its links, or null for a bad row
   * @param reason why the row cannot be synced, or null for a good row
   */
  public CustomerRow {
    Objects.requireNonNull(key, "key");
    if ((item == null) == (reason == null)) {
      throw new IllegalArgumentException("a row has either an item or a reason");
    }
  }

  /**
   * A row that reads as a customer.
   *
   * @param line the 1-based line the row starts on
   * @param item the customer and its links
   * @return the good row
   */
  public static CustomerRow good(long line, SyncItem item) {
    return new CustomerRow(line, item.key(), item, null);
  }

  /**
   * A row that cannot be synced.
   *
   * @param line the 1-based line the row starts on
   * @param key the row's key
   * @param reason why, naming the column and the rule
   * @return the bad row
   */
  public static CustomerRow bad(long line, String key, String reason) {
    return new CustomerRow(line, key, null, reason);
  }

  /** {@return true for a row that reads as a customer} */
  public boolean isGood() {
    return item != null;
  }

  /**
   * {@return the customer and its links}
   *
   * @throws IllegalStateException the row is bad
   */
  public SyncItem itemOrThrow() {
    if (item == null) {
      throw new IllegalStateException("line " + line + " is a bad row: " + reason);
    }
    return item;
  }

  /** E.g. {@code line 3: newsletterSubscribed: "maybe" is not true or false}, or {@code line 2: ada}. */
  @Override
  public String toString() {
    return "line " + line + ": " + (reason != null ? reason : key);
  }
}
