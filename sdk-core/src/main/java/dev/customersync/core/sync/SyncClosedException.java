package dev.customersync.core.sync;

import dev.customersync.core.CustomerSyncException;

/**
 * A {@link CustomerSync} was used after {@link CustomerSync#close()}: its threads are gone. The
 * message names the sync's vendors, to tell which of several syncs it was.
 */
public class SyncClosedException extends CustomerSyncException {

  /**
   * @param message which sync was closed and what was attempted
   */
  public SyncClosedException(String message) {
    super(message);
  }
}
