package dev.customersync.core.sync;

/**
 * Receives progress of a bulk sync: at most once per {@link SyncOptions#progressInterval()} while
 * it runs, and once more at the end. Called from the sync's threads (and from a thread calling
 * {@link SyncJob#cancel()}), one call at a time; keep it quick. Whatever it throws is ignored: a
 * failing listener never stops a sync.
 */
@FunctionalInterface
public interface SyncListener {

  /** Receives one snapshot. */
  void onProgress(SyncProgress progress);

  /** A listener that ignores progress. */
  static SyncListener none() {
    return p -> {};
  }
}
