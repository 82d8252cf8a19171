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

  /**
   * Makes the result; the outcomes are copied.
   *
   * @param customer the customer that was synced
   * @param outcomes one outcome per link, in the links' order
   */
  public SyncOutcome {
    outcomes = List.copyOf(outcomes);
  }

  /**
   * True when every link succeeded: {@link VendorOutcome#isSuccess()}, so updated, unchanged or,
   * in a dry run, would change.
   *
   * @return true when no link failed or was cancelled
   */
  public boolean allSucceeded() {
    return outcomes.stream().allMatch(VendorOutcome::isSuccess);
  }

  /**
   * Same as {@link #allSucceeded()}: an update that found nothing to write did not fail.
   *
   * @return {@link #allSucceeded()}
   *
   * @deprecated the name suggests every vendor was written to; use {@link #allSucceeded()}
   */
  @Deprecated
  public boolean allUpdated() {
    return allSucceeded();
  }

  /**
   * {@return the outcomes that failed or were cancelled: those not {@link VendorOutcome#isSuccess()}}
   */
  public List<VendorOutcome> failures() {
    return outcomes.stream().filter(o -> !o.isSuccess()).toList();
  }

  /**
   * Finds the outcome at one vendor.
   *
   * @param vendor the vendor's name
   * @return the outcome at {@code vendor}, if the customer was linked there (the first, if linked twice)
   */
  public Optional<VendorOutcome> forVendor(String vendor) {
    return outcomes.stream().filter(o -> o.vendor().equals(vendor)).findFirst();
  }

  /** {@return each link as {@code vendor:customerId}, mapped to its status, in the links' order; for logging} */
  public Map<String, VendorOutcome.Status> statuses() {
    java.util.LinkedHashMap<String, VendorOutcome.Status> m = new java.util.LinkedHashMap<>();
    outcomes.forEach(o -> m.put(o.vendor() + ":" + o.customerId(), o.status()));
    return m;
  }
}
