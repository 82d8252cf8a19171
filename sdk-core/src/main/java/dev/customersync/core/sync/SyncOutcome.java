package dev.customersync.core.sync;

import dev.customersync.core.Customer;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The result of {@link CustomerSync#sync}: one {@link VendorOutcome} per linked vendor. */
public record SyncOutcome(Customer customer, List<VendorOutcome> outcomes) {

  public SyncOutcome {
    outcomes = List.copyOf(outcomes);
  }

  /** True when every linked vendor confirmed the update. */
  public boolean allUpdated() {
    return outcomes.stream().allMatch(VendorOutcome::isUpdated);
  }

  /** The outcomes that did not end in an update. */
  public List<VendorOutcome> failures() {
    return outcomes.stream().filter(o -> !o.isUpdated()).toList();
  }

  /** The outcome at {@code vendor}, if the customer was linked there. */
  public Optional<VendorOutcome> forVendor(String vendor) {
    return outcomes.stream().filter(o -> o.vendor().equals(vendor)).findFirst();
  }

  /** Vendor to status, for logging. */
  public Map<String, VendorOutcome.Status> statuses() {
    java.util.LinkedHashMap<String, VendorOutcome.Status> m = new java.util.LinkedHashMap<>();
    outcomes.forEach(o -> m.put(o.vendor() + ":" + o.customerId(), o.status()));
    return m;
  }
}
