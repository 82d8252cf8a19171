package dev.customersync.core.sync;

import dev.customersync.core.Customer;
import java.util.List;
import java.util.Objects;

/**
 * One unit of a bulk sync: a customer, the caller's own key for it (used in reports and to resume),
 * and the vendors it is linked to.
 */
public record SyncItem(String key, Customer customer, List<CustomerLink> links) {

  public SyncItem {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(customer, "customer");
    links = List.copyOf(links);
  }

  /** An item with the given links. */
  public static SyncItem of(String key, Customer customer, CustomerLink... links) {
    return new SyncItem(key, customer, List.of(links));
  }
}
