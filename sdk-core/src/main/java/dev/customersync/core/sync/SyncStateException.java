package dev.customersync.core.sync;

import dev.customersync.core.CustomerSyncException;

/**
 * A {@link SyncStateStore} could not be opened, read or written. A run that gets one stops: it
 * never goes on syncing without its state, which would either cost every call again or, worse,
 * forget a confirmed write.
 */
public class SyncStateException extends CustomerSyncException {

  /**
   * @param message what failed and where (a path or a JDBC URL without its password)
   * @param cause the underlying failure
   */
  public SyncStateException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * @param message what failed and where
   */
  public SyncStateException(String message) {
    super(message);
  }
}
