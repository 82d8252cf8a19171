package dev.customersync.core.sync;

import java.time.Instant;
import java.util.Objects;

/**
 * What a {@link SyncStateStore} remembers of one customer at one vendor: its vendor id and the
 * {@link CustomerFingerprint} of the neutral customer last confirmed written there.
 *
 * @param customerId the vendor's id of the customer
 * @param customerHash the fingerprint of the neutral customer the vendor confirmed
 * @param syncedAt when the vendor confirmed it
 */
public record SyncState(String customerId, String customerHash, Instant syncedAt) {

  /**
   * Checks that no part is null.
   *
   * @param customerId the vendor's id of the customer
   * @param customerHash the fingerprint of the neutral customer the vendor confirmed
   * @param syncedAt when the vendor confirmed it
   */
  public SyncState {
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(customerHash, "customerHash");
    Objects.requireNonNull(syncedAt, "syncedAt");
  }
}
