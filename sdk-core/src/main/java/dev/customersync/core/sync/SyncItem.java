package dev.customersync.core.sync;

import dev.customersync.core.Customer;
import java.util.List;
import java.util.Objects;

/**
 * One unit of a bulk sync: a customer, the caller's own key for it (used in reports and to resume),
 * and the vendors it is linked to.
 */
public record SyncItem(String key, Customer customer, List<CustomerLink> links) {

  /**
   * Makes an item; the links are copied.
   *
   * @param key the caller's own key for the customer, used in reports and to resume
   * @param customer the neutral customer to push to every linked vendor
   * @param links the vendors and ids the customer is known under; may be empty
   */
  public SyncItem {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(customer, "customer");
    links = List.copyOf(links);
  }

  /**
   * Makes an item from links given one by one.
   *
   * @param key the caller's own key for the customer, used in reports and to resume
   * @param customer the neutral customer to push to every linked vendor
   * @param links the vendors and ids the customer is known under
   * @return an item with the given links
   */
  public static SyncItem of(String key, Customer customer, CustomerLink... links) {
    return new SyncItem(key, customer, List.of(links));
  }
}
