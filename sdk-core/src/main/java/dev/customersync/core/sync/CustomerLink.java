package dev.customersync.core.sync;

import dev.customersync.core.MatchKey;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Says where a customer is at a vendor: either by the vendor's own id ({@link #of}: a GUID for
 * BokaMera, an int64 for Billbee, an int for Storm), or by a {@link MatchKey} whose value the sync
 * takes from the neutral customer ({@link #byEmail}, {@link #byExternalCode}) and resolves through
 * the vendor's {@link dev.customersync.core.CustomerDirectory}.
 *
 * @param vendor the vendor's name, as its updater's {@code vendor()} returns it
 * @param customerId the customer's id at that vendor, or null for a link by match key
 * @param matchKey the key to find the customer by, or null for a link by id
 */
public record CustomerLink(String vendor, @Nullable String customerId, @Nullable MatchKey matchKey) {

  /**
   * Checks that the link names exactly one of an id and a match key.
   *
   * @param vendor the vendor's name, as its updater's {@code vendor()} returns it
   * @param customerId the customer's id at that vendor, or null for a link by match key
   * @param matchKey the key to find the customer by, or null for a link by id
   */
  public CustomerLink {
    Objects.requireNonNull(vendor, "vendor");
    if ((customerId == null) == (matchKey == null)) {
      throw new IllegalArgumentException("a link names either a customerId or a matchKey, not "
          + (customerId == null ? "neither" : "both"));
    }
  }

  /**
   * Links a customer to a vendor by the vendor's id.
   *
   * @param vendor the vendor's name, as its updater's {@code vendor()} returns it
   * @param customerId the customer's id at that vendor, in the vendor's format
   */
  public CustomerLink(String vendor, String customerId) {
    this(vendor, Objects.requireNonNull(customerId, "customerId"), null);
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

  /**
   * Links a customer to a vendor by its e-mail address, compared case-insensitively: the sync finds
   * the vendor's customer with that address (and creates it when {@link
   * SyncOptions.Builder#createMissing} says so).
   *
   * @param vendor the vendor's name
   * @return the link
   */
  public static CustomerLink byEmail(String vendor) {
    return new CustomerLink(vendor, null, MatchKey.EMAIL);
  }

  /**
   * Links a customer to a vendor by {@link dev.customersync.core.Customer#externalCode()}, the
   * caller's own code (Storm's {@code Code}, Billbee's customer {@code Number}).
   *
   * @param vendor the vendor's name
   * @return the link
   */
  public static CustomerLink byExternalCode(String vendor) {
    return new CustomerLink(vendor, null, MatchKey.EXTERNAL_CODE);
  }

  /** {@return true for a link by match key, false for a link by the vendor's id} */
  public boolean isByMatchKey() {
    return matchKey != null;
  }

  /** E.g. {@code billbee:42} or {@code billbee:by email}. */
  @Override
  public String toString() {
    return vendor + ":" + (customerId != null ? customerId : "by " + Objects.requireNonNull(matchKey).field());
  }
}
