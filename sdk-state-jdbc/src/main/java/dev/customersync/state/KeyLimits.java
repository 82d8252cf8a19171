package dev.customersync.state;

import dev.customersync.core.sync.SyncState;
import dev.customersync.core.sync.SyncStateException;
import dev.customersync.core.sync.SyncStateKey;

/**
 * Refuses, before any statement, a value that its column cannot hold: a database would either
 * truncate it silently (and two keys would meet) or fail with a message naming no field.
 */
final class KeyLimits {

  private KeyLimits() {}

  static void check(SyncStateKey key) {
    check("vendor", key.vendor(), Schema.VENDOR_LENGTH);
    check("account", key.account(), Schema.ACCOUNT_LENGTH);
    check("key kind", key.kind(), Schema.KIND_LENGTH);
    check("key value", key.value(), Schema.VALUE_LENGTH);
  }

  static void check(SyncState state) {
    check("customer id", state.customerId(), Schema.CUSTOMER_ID_LENGTH);
    check("customer hash", state.customerHash(), Schema.HASH_LENGTH);
  }

  // String.length() counts UTF-16 units, never fewer than the characters the databases count.
  // The value itself is left out of the message: a key value may be an e-mail address.
  private static void check(String field, String value, int limit) {
    if (value.length() > limit) {
      throw new SyncStateException("the sync state's " + field + " is " + value.length()
          + " characters long; at most " + limit + " fit its column");
    }
    if (value.indexOf('\0') >= 0) {
      throw new SyncStateException("the sync state's " + field
          + " contains a NUL character, which PostgreSQL cannot store");
    }
  }
}
