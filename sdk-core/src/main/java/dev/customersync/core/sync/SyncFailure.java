package dev.customersync.core.sync;

import dev.customersync.core.Customer;

/**
 * A vendor update of a bulk sync that did not end in an update: the customer's key and data, and
 * the outcome with its failure. A report keeps the first {@link SyncOptions#maxFailuresKept()} of
 * these and counts the rest; a failure sink receives every one.
 */
public record SyncFailure(String key, Customer customer, VendorOutcome outcome) {

  /** {@return the link to retry} */
  public CustomerLink link() {
    return outcome.link();
  }
}
