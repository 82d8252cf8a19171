package dev.customersync.core.sync;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link SyncStateStore} in this process's memory: for tests, and for a long-running application
 * that syncs the same customers again and again and can afford one full run after a restart.
 * Thread-safe.
 */
public final class InMemorySyncStateStore implements SyncStateStore {

  private final Map<SyncStateKey, SyncState> states = new ConcurrentHashMap<>();

  /** An empty store. */
  public InMemorySyncStateStore() {}

  @Override
  public Optional<SyncState> get(SyncStateKey key) {
    return Optional.ofNullable(states.get(key));
  }

  @Override
  public void put(SyncStateKey key, SyncState state) {
    states.put(key, state);
  }

  @Override
  public void remove(SyncStateKey key) {
    states.remove(key);
  }

  @Override
  public void check() {}

  /** {@return how many customers are remembered} */
  public int size() {
    return states.size();
  }

  @Override
  public String toString() {
    return "InMemorySyncStateStore{" + states.size() + " customers}";
  }
}
