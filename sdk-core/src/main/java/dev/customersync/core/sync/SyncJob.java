package dev.customersync.core.sync;

import java.util.concurrent.CompletableFuture;

/**
 * A bulk sync running in the background, from {@link CustomerSync#start}. {@link #cancel()} stops
 * reading the source; updates already sent finish, queued ones (also those waiting behind an update
 * of the same customer) end at once as {@link VendorOutcome.Status#CANCELLED}, and the report says
 * so — nothing unfinished is reported as done.
 */
public interface SyncJob {

  /**
   * Completes with the report when every started update has ended, also after a cancel while the
   * source is blocked; exceptionally with a {@link SyncAbortedException} when the source threw or
   * the failure sink could not be written.
   *
   * @return the future of the run's report, the same on every call
   */
  CompletableFuture<SyncReport> report();

  /**
   * Stops the sync and returns at once; idempotent. Queued updates end as cancelled right away; the
   * report completes when the updates in flight have ended (their clients' timeouts bound that),
   * without waiting for a source that blocks.
   */
  void cancel();

  /**
   * {@return true once {@link #cancel()} was called, or the run stopped itself because its failure sink
   * broke}
   */
  boolean isCancelled();

  /** {@return the progress so far} */
  SyncProgress progress();

  /**
   * Waits for the report.
   *
   * @return the run's report
   * @throws java.util.concurrent.CompletionException wrapping a {@link SyncAbortedException} when the
   *     source threw or the failure sink could not be written
   */
  default SyncReport join() {
    return report().join();
  }
}
