package dev.customersync.cli;

import dev.customersync.core.sync.SyncStateStore;
import dev.customersync.state.JdbcSyncStateStore;
import java.nio.file.Path;

/** Opens the {@code --state} store: an H2 database file, created on first use. */
final class StateStores {

  private StateStores() {}

  static SyncStateStore open(Path file) {
    JdbcSyncStateStore store = null;
    try {
      store = JdbcSyncStateStore.h2(file);
      // Checked here rather than by the run: a database that cannot be opened (another process has
      // it) is a configuration error, exit 2 with nothing sent.
      store.check();
      return store;
    } catch (RuntimeException e) {
      if (store != null) {
        store.close();
      }
      throw new UsageException("--state " + file + ": cannot open the state database (" + e.getMessage() + ")", e);
    }
  }
}
