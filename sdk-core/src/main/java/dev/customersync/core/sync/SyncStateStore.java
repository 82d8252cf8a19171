package dev.customersync.core.sync;

import java.util.Optional;

/**
 * Remembers, per vendor, account and key, the vendor id of each synced customer and a fingerprint
 * of what was last confirmed written, so a bulk run ({@link SyncOptions.Builder#stateStore}) skips
 * an unchanged customer with no vendor call at all and finds a known customer without a lookup.
 *
 * <p>A run writes a customer's state only after the vendor confirmed the write (or confirmed it
 * already held every value), so a crash can cost one extra sync, never a skipped change.
 *
 * <p>Implementations are thread-safe: a run's workers share one store, and two runs (two
 * processes, with a database-backed store) may write the same store at once without losing a row.
 * {@link InMemorySyncStateStore} keeps state for one process; {@code JdbcSyncStateStore}
 * (module {@code customer-sync-state-jdbc}) keeps it in H2 or any JDBC database.
 */
public interface SyncStateStore extends AutoCloseable {

  /**
   * {@return what is remembered under {@code key}, or empty}
   *
   * @param key the vendor, account and key of the customer
   * @throws SyncStateException the store cannot be read
   */
  Optional<SyncState> get(SyncStateKey key);

  /**
   * Remembers {@code state} under {@code key}, replacing what was there.
   *
   * @param key the vendor, account and key of the customer
   * @param state its vendor id and fingerprint
   * @throws SyncStateException the store cannot be written
   */
  void put(SyncStateKey key, SyncState state);

  /**
   * Forgets {@code key} (the vendor no longer knows the customer under the remembered id).
   *
   * @param key the vendor, account and key of the customer
   * @throws SyncStateException the store cannot be written
   */
  void remove(SyncStateKey key);

  /**
   * Checks that the store can be read and written; a run calls it before its first vendor call.
   *
   * @throws SyncStateException it cannot, with the reason
   */
  void check();

  /** Releases what the store holds open; the default holds nothing. */
  @Override
  default void close() {}
}
