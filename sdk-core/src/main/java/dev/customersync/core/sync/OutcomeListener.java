package dev.customersync.core.sync;

/**
 * Receives every vendor outcome of a bulk sync as it ends, successes included: the way to see what
 * a run changed (or, in a {@linkplain SyncOptions.Builder#dryRun dry run}, would change) without
 * the report keeping it all in memory.
 *
 * <p>Called on the sync's worker threads, concurrently for different updates, so it must be
 * thread-safe and quick: a slow listener slows that vendor's lane. The outcomes of one (vendor,
 * customer id) arrive one at a time and in source order. Queued updates that a cancel ends arrive
 * as {@link VendorOutcome.Status#CANCELLED} on the cancelling thread. Whatever it throws is
 * ignored: a failing listener never stops a sync or loses an outcome.
 */
@FunctionalInterface
public interface OutcomeListener {

  /**
   * Receives one outcome.
   *
   * @param item the source's item the outcome belongs to
   * @param outcome how the update of one of the item's links ended
   */
  void onOutcome(SyncItem item, VendorOutcome outcome);

  /** {@return a listener that ignores outcomes} */
  static OutcomeListener none() {
    return (item, outcome) -> {};
  }
}
