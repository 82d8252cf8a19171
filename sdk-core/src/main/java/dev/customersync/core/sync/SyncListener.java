package dev.customersync.core.sync;

/**
 * Receives progress of a bulk sync: at most once per {@link SyncOptions#progressInterval()} while
 * it runs, and once more at the end. Called from the sync's threads (and from a thread calling
 * {@link SyncJob#cancel()}), one call at a time; keep it quick. Whatever it throws is ignored: a
 * failing listener never stops a sync.
 */
@FunctionalInterface
public interface SyncListener {

  /**
   * Receives one snapshot.
   *
   * @param progress the sync's counts, rates and ETA at this moment
   */
  void onProgress(SyncProgress progress);

  /** {@return a listener that ignores progress} */
  static SyncListener none() {
    return p -> {};
  }
}
