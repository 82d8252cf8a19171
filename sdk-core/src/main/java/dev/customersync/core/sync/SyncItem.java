package dev.customersync.core.sync;

import dev.customersync.core.Customer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One unit of a bulk sync: a customer, the caller's own key for it (used in reports and to resume),
 * the vendors it is linked to, and, where one vendor must get different data, that vendor's own
 * version of the customer ({@link #withCustomerFor}).
 *
 * @param key the caller's own key for the customer, used in reports and to resume
 * @param customer the neutral customer to push to every linked vendor without an override
 * @param links the vendors and ids (or match keys) the customer is known under; may be empty
 * @param overrides per vendor name, the customer to push there instead of {@code customer}
 */
public record SyncItem(String key, Customer customer, List<CustomerLink> links, Map<String, Customer> overrides) {

  /**
   * Makes an item; the links and overrides are copied.
   *
   * @param key the caller's own key for the customer, used in reports and to resume
   * @param customer the neutral customer to push to every linked vendor without an override
   * @param links the vendors and ids the customer is known under; may be empty
   * @param overrides per vendor name, the customer to push there instead of {@code customer}
   */
  public SyncItem {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(customer, "customer");
    links = List.copyOf(links);
    overrides = Map.copyOf(overrides);
  }

  /**
   * Makes an item that pushes one customer to every link.
   *
   * @param key the caller's own key for the customer, used in reports and to resume
   * @param customer the neutral customer to push to every linked vendor
   * @param links the vendors and ids the customer is known under; may be empty
   */
  public SyncItem(String key, Customer customer, List<CustomerLink> links) {
    this(key, customer, links, Map.of());
  }

  /**
   * Makes an item from links given one by one. Customer before links, as in {@link
   * CustomerSync#sync(Customer, CustomerLink...)}.
   *
   * @param key the caller's own key for the customer, used in reports and to resume
   * @param customer the neutral customer to push to every linked vendor
   * @param links the vendors and ids the customer is known under
   * @return an item with the given links
   */
  public static SyncItem of(String key, Customer customer, CustomerLink... links) {
    return new SyncItem(key, customer, List.of(links));
  }

  /**
   * A copy of this item that pushes {@code customer} to {@code vendor} instead of {@link
   * #customer()}: for a change that must differ per vendor (say, removing the company at one
   * vendor that allows it while another refuses an empty company name).
   *
   * @param vendor the vendor's name, as its updater's {@code vendor()} returns it
   * @param customer what to push to that vendor
   * @return the new item
   */
  public SyncItem withCustomerFor(String vendor, Customer customer) {
    Map<String, Customer> o = new LinkedHashMap<>(overrides);
    o.put(Objects.requireNonNull(vendor, "vendor"), Objects.requireNonNull(customer, "customer"));
    return new SyncItem(key, this.customer, links, o);
  }

  /**
   * {@return the customer to push to {@code vendor}: its override (vendor names compared
   * case-insensitively), or {@link #customer()}}
   *
   * @param vendor the vendor's name
   */
  public Customer customerFor(String vendor) {
    Customer exact = overrides.get(vendor);
    if (exact != null) {
      return exact;
    }
    // Vendor names match case-insensitively everywhere in a sync, overrides included.
    for (Map.Entry<String, Customer> e : overrides.entrySet()) {
      if (e.getKey().equalsIgnoreCase(vendor)) {
        return e.getValue();
      }
    }
    return customer;
  }
}
