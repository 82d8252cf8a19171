package dev.customersync.core.sync;

/**
 * Receives progress of a bulk sync: at most once per {@link SyncOptions#progressInterval()} while
 * it runs, and once more at the end. Called from the sync's worker threads, one call at a time;
 * keep it quick.
 */
@FunctionalInterface
public interface SyncListener {

  void onProgress(SyncProgress progress);

  /** A listener that ignores progress. */
  static SyncListener none() {
    return p -> {};
  }
}
