package dev.customersync.core.sync;

import java.util.concurrent.CompletableFuture;

/**
 * A bulk sync running in the background, from {@link CustomerSync#start}. {@link #cancel()} stops
 * reading the source; updates already sent finish, queued ones end as {@link
 * VendorOutcome.Status#CANCELLED}, and the report says so — nothing unfinished is reported as done.
 */
public interface SyncJob {

  /** Completes with the report when every started update has ended. */
  CompletableFuture<SyncReport> report();

  /** Stops the sync; idempotent. */
  void cancel();

  boolean isCancelled();

  /** The progress so far. */
  SyncProgress progress();

  /** Waits for the report. */
  default SyncReport join() {
    return report().join();
  }
}
