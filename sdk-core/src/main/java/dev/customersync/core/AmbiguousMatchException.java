package dev.customersync.core;

import java.util.List;

/**
 * More than one vendor customer carries the match key a sync looked up, so it cannot tell which one
 * is meant; nothing was written. The message names every id found; the key's value is not in it
 * (an e-mail address is personal data). Fix it at the vendor (merge or change the duplicates) or
 * link the customer by its vendor id. Not {@link #retryable()}; {@link #operation()} is {@link
 * VendorOperation#FIND}.
 */
public class AmbiguousMatchException extends CustomerSyncException {

  /** The vendor's name. */
  private final String vendor;
  /** The key that matched several customers. */
  private final MatchKey key;
  /** Every vendor id that matched, in the vendor's order. */
  private final List<String> customerIds;

  /**
   * @param vendor the vendor's name
   * @param key the key that matched several customers
   * @param customerIds every vendor id that matched, at least two
   */
  public AmbiguousMatchException(String vendor, MatchKey key, List<String> customerIds) {
    super(customerIds.size() + " " + vendor + " customers match one " + key.field() + ": " + String.join(", ", customerIds)
        + "; nothing was written (which one is meant cannot be told; fix the duplicates at " + vendor
        + " or link the customer by its id)", null, VendorOperation.FIND);
    this.vendor = vendor;
    this.key = key;
    this.customerIds = List.copyOf(customerIds);
  }

  /** {@return the vendor's name} */
  public String vendor() {
    return vendor;
  }

  /** {@return the key that matched several customers} */
  public MatchKey key() {
    return key;
  }

  /** {@return every vendor id that matched} */
  public List<String> customerIds() {
    return customerIds;
  }
}
