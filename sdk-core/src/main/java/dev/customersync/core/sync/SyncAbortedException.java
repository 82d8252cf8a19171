package dev.customersync.core.sync;

import dev.customersync.core.CustomerSyncException;

/**
 * A bulk sync stopped early: its customer source threw, or its failure sink could not be written.
 * Every update that had started was still finished and is in {@link #partialReport()}; the cause is
 * the source's or the sink's exception. After a sink failure, every failure the sink did not take
 * is in the partial report's {@link SyncReport#failures()}, so none is lost.
 */
public class SyncAbortedException extends CustomerSyncException {

  private final transient SyncReport partialReport;

  /**
   * @param message what stopped the run
   * @param cause the source's or the sink's exception
   * @param partialReport what was done before the run stopped
   */
  public SyncAbortedException(String message, Throwable cause, SyncReport partialReport) {
    super(message, cause);
    this.partialReport = partialReport;
  }

  /** {@return what was done before the run stopped} */
  public SyncReport partialReport() {
    return partialReport;
  }
}
