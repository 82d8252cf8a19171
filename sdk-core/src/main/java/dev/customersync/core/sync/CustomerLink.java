package dev.customersync.core.sync;

import java.util.Objects;

/**
 * Says that a customer is known at {@code vendor} under {@code customerId} (the vendor's own id,
 * in the vendor's format: a GUID for BokaMera, an int64 for Billbee, an int for Storm).
 */
public record CustomerLink(String vendor, String customerId) {

  /**
   * Links a customer to a vendor.
   *
   * @param vendor the vendor's name, as its updater's {@code vendor()} returns it
   * @param customerId the customer's id at that vendor, in the vendor's format
   */
  public CustomerLink {
    Objects.requireNonNull(vendor, "vendor");
    Objects.requireNonNull(customerId, "customerId");
  }

  /**
   * Shorthand for {@code new CustomerLink(vendor, customerId)}.
   *
   * @param vendor the vendor's name, as its updater's {@code vendor()} returns it
   * @param customerId the customer's id at that vendor, in the vendor's format
   * @return the link
   */
  public static CustomerLink of(String vendor, String customerId) {
    return new CustomerLink(vendor, customerId);
  }
}
