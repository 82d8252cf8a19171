package dev.customersync.core.sync;

import dev.customersync.core.CustomerSyncException;

/**
 * A bulk sync stopped early because its customer source threw. Every update that had started was
 * still finished and is in {@link #partialReport()}; the cause is the source's exception.
 */
public class SyncAbortedException extends CustomerSyncException {

  private final transient SyncReport partialReport;

  public SyncAbortedException(String message, Throwable cause, SyncReport partialReport) {
    super(message, cause);
    this.partialReport = partialReport;
  }

  /** What was done before the source failed. */
  public SyncReport partialReport() {
    return partialReport;
  }
}
