package dev.customersync.core.sync;

import dev.customersync.core.Customer;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The result of {@link CustomerSync#sync} or of a dry run by {@link CustomerSync#plan}: one {@link
 * VendorOutcome} per link, in the links' order.
 *
 * @param customer the customer that was synced
 * @param outcomes one outcome per link, in the links' order
 */
public record SyncOutcome(Customer customer, List<VendorOutcome> outcomes) {

  /** Copies the outcomes. */
  public SyncOutcome {
    outcomes = List.copyOf(outcomes);
  }

  /**
   * True when every link succeeded: {@link VendorOutcome#isSuccess()}, so updated, unchanged or,
   * in a dry run, would change.
   */
  public boolean allSucceeded() {
    return outcomes.stream().allMatch(VendorOutcome::isSuccess);
  }

  /**
   * Same as {@link #allSucceeded()}: an update that found nothing to write did not fail.
   *
   * @deprecated the name suggests every vendor was written to; use {@link #allSucceeded()}
   */
  @Deprecated
  public boolean allUpdated() {
    return allSucceeded();
  }

  /** The outcomes that failed or were cancelled: those not {@link VendorOutcome#isSuccess()}. */
  public List<VendorOutcome> failures() {
    return outcomes.stream().filter(o -> !o.isSuccess()).toList();
  }

  /** The outcome at {@code vendor}, if the customer was linked there (the first, if linked twice). */
  public Optional<VendorOutcome> forVendor(String vendor) {
    return outcomes.stream().filter(o -> o.vendor().equals(vendor)).findFirst();
  }

  /** {@code vendor:customerId} to status, for logging. */
  public Map<String, VendorOutcome.Status> statuses() {
    java.util.LinkedHashMap<String, VendorOutcome.Status> m = new java.util.LinkedHashMap<>();
    outcomes.forEach(o -> m.put(o.vendor() + ":" + o.customerId(), o.status()));
    return m;
  }
}
