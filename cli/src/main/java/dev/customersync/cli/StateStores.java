package dev.customersync.cli;

import dev.customersync.core.sync.SyncStateStore;
import java.nio.file.Path;

/** Opens the {@code --state} store. */
final class StateStores {

  private StateStores() {}

  static SyncStateStore open(Path file) {
    // Waiting for the customer-sync-state-jdbc module (JdbcSyncStateStore.h2(file)).
    throw new UsageException("--state " + file + ": this build has no state store (customer-sync-state-jdbc)");
  }
}
