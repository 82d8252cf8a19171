package dev.customersync.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.customersync.core.Customer;
import dev.customersync.core.CustomerUpdater;
import dev.customersync.core.MatchKey;
import dev.customersync.core.UpdateResult;
import dev.customersync.core.sync.CustomerLink;
import dev.customersync.core.sync.CustomerSync;
import dev.customersync.core.sync.SyncItem;
import dev.customersync.core.sync.SyncOptions;
import dev.customersync.core.sync.SyncReport;
import dev.customersync.core.sync.SyncState;
import dev.customersync.core.sync.SyncStateException;
import dev.customersync.core.sync.SyncStateKey;
import dev.customersync.core.sync.VendorOutcome;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every database behind {@link JdbcSyncStateStore} must do; a subclass gives each test a new,
 * empty database.
 */
abstract class JdbcSyncStateStoreContract {

  static final SyncStateKey ADA = SyncStateKey.of("billbee", "acct-1", MatchKey.EMAIL, "ada@example.com");
  static final SyncState ADA_STATE = new SyncState("4711", "v1:" + "a".repeat(64), Instant.parse("2026-11-30T10:15:30.123456Z"));

  private final List<JdbcSyncStateStore> stores = new ArrayList<>();

  /** {@return a new store on this test's database; every call's store shares the same database} */
  abstract JdbcSyncStateStore newStore() throws Exception;

  /** {@return a plain connection to this test's database, to look behind the stores' backs} */
  abstract Connection connect() throws SQLException;

  final JdbcSyncStateStore store() throws Exception {
    return closeLater(newStore());
  }

  final JdbcSyncStateStore closeLater(JdbcSyncStateStore store) {
    stores.add(store);
    return store;
  }

  @AfterEach
  final void closeStores() {
    stores.forEach(JdbcSyncStateStore::close);
  }

  /**
   * Two bulk runs at once, each through its own store on this one database, with overlapping
   * customers: every confirmed customer is remembered, and a second pair of runs sends nothing.
   */
  @Test
  void twoSyncsAtOnceOnOneStoreLoseNothing() throws Exception {
    CountingUpdater vendor = new CountingUpdater();
    List<Future<SyncReport>> runs = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try (CustomerSync sync = CustomerSync.builder().updater(vendor).defaultConcurrency(4).build()) {
      for (int[] range : new int[][] {{0, 200}, {100, 300}}) {
        SyncOptions options = SyncOptions.builder().stateStore(store()).build();
        runs.add(pool.submit(() -> sync.syncAll(items(range[0], range[1]), options)));
      }
      for (Future<SyncReport> run : runs) {
        assertThat(run.get(60, TimeUnit.SECONDS).allSucceeded()).isTrue();
      }
      assertThat(rowCount()).isEqualTo(300);

      int calls = vendor.calls.get();
      SyncReport again = sync.syncAll(items(0, 300), SyncOptions.builder().stateStore(store()).build());

      assertThat(again.total(VendorOutcome.Status.SKIPPED)).isEqualTo(300);
      assertThat(vendor.calls.get()).isEqualTo(calls);
    } finally {
      pool.shutdownNow();
    }
  }

  private static java.util.stream.Stream<SyncItem> items(int from, int to) {
    return java.util.stream.IntStream.range(from, to).mapToObj(i -> SyncItem.of("c" + i,
        Customer.builder().firstName("Ada" + i).build(), CustomerLink.of("acme", Integer.toString(i))));
  }

  /** A vendor that confirms every update and counts them. */
  private static final class CountingUpdater implements CustomerUpdater {
    final java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public String vendor() {
      return "acme";
    }

    @Override
    public UpdateResult update(String customerId, Customer customer) {
      calls.incrementAndGet();
      return UpdateResult.builder().vendor("acme").customerId(customerId).customer(customer).vendorResponse(customer)
          .attempts(1).build();
    }
  }

  @Test
  void getOfAnUnknownKeyIsEmpty() throws Exception {
    assertThat(store().get(ADA)).isEmpty();
  }

  @Test
  void putThenGetRoundTripsEveryFieldToTheMicrosecond() throws Exception {
    JdbcSyncStateStore store = store();
    store.put(ADA, new SyncState("4711", ADA_STATE.customerHash(), Instant.parse("2026-11-30T10:15:30.123456789Z")));

    assertThat(store.get(ADA)).contains(ADA_STATE);
  }

  @Test
  void putReplacesWhatWasRemembered() throws Exception {
    JdbcSyncStateStore store = store();
    store.put(ADA, ADA_STATE);
    SyncState later = new SyncState("4712", "v1:" + "b".repeat(64), Instant.parse("2027-01-01T00:00:00Z"));
    store.put(ADA, later);

    assertThat(store.get(ADA)).contains(later);
    assertThat(rowCount()).isEqualTo(1);
  }

  @Test
  void removeForgetsOnlyThatKey() throws Exception {
    JdbcSyncStateStore store = store();
    SyncStateKey grace = SyncStateKey.of("billbee", "acct-1", MatchKey.EMAIL, "grace@example.com");
    store.put(ADA, ADA_STATE);
    store.put(grace, ADA_STATE);

    store.remove(ADA);
    store.remove(ADA);

    assertThat(store.get(ADA)).isEmpty();
    assertThat(store.get(grace)).contains(ADA_STATE);
  }

  @Test
  void keysThatDifferInOnePartAreSeparate() throws Exception {
    JdbcSyncStateStore store = store();
    List<SyncStateKey> keys = List.of(ADA,
        new SyncStateKey("storm", "acct-1", "email", "ada@example.com"),
        new SyncStateKey("billbee", "acct-2", "email", "ada@example.com"),
        new SyncStateKey("billbee", "acct-1", "externalCode", "ada@example.com"),
        new SyncStateKey("billbee", "acct-1", "email", "Ada@example.com"));
    for (int i = 0; i < keys.size(); i++) {
      store.put(keys.get(i), new SyncState("id-" + i, "hash-" + i, Instant.EPOCH.plusSeconds(i)));
    }

    for (int i = 0; i < keys.size(); i++) {
      assertThat(store.get(keys.get(i))).contains(new SyncState("id-" + i, "hash-" + i, Instant.EPOCH.plusSeconds(i)));
    }
    assertThat(rowCount()).isEqualTo(keys.size());
  }

  @Test
  void twoStoresOnOneDatabaseSeeEachOthersWrites() throws Exception {
    JdbcSyncStateStore one = store();
    JdbcSyncStateStore two = store();

    one.put(ADA, ADA_STATE);
    assertThat(two.get(ADA)).contains(ADA_STATE);
    two.remove(ADA);
    assertThat(one.get(ADA)).isEmpty();
  }

  @Test
  void concurrentWritersThroughTwoStoresLoseNothing() throws Exception {
    JdbcSyncStateStore[] stores = {store(), store()};
    stores[0].check();
    int threads = 8;
    int puts = 500;
    int shared = 50;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          start.await();
          JdbcSyncStateStore store = stores[thread % 2];
          for (int i = 0; i < puts; i++) {
            // Every other put is to a key all threads write, the rest to this thread's own keys.
            SyncStateKey key = i % 2 == 0
                ? new SyncStateKey("billbee", "acct", "email", "shared-" + (i / 2) % shared)
                : new SyncStateKey("billbee", "acct", "email", "t" + thread + "-" + i);
            store.put(key, new SyncState("t" + thread, "h" + i, Instant.EPOCH.plusSeconds(i)));
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(rowCount()).isEqualTo(threads * puts / 2 + shared);
    for (int t = 0; t < threads; t++) {
      for (int i = 1; i < puts; i += 2) {
        assertThat(stores[(t + 1) % 2].get(new SyncStateKey("billbee", "acct", "email", "t" + t + "-" + i)))
            .contains(new SyncState("t" + t, "h" + i, Instant.EPOCH.plusSeconds(i)));
      }
    }
    Set<String> writers = new HashSet<>();
    for (int s = 0; s < shared; s++) {
      SyncState state = stores[0].get(new SyncStateKey("billbee", "acct", "email", "shared-" + s)).orElseThrow();
      writers.add(state.customerId());
      // One whole put won: the hash and time belong to the same put as each other.
      int i = Integer.parseInt(state.customerHash().substring(1));
      assertThat(i % 2).isZero();
      assertThat((i / 2) % shared).isEqualTo(s);
      assertThat(state.syncedAt()).isEqualTo(Instant.EPOCH.plusSeconds(i));
    }
    assertThat(writers).isSubsetOf(Set.of("t0", "t1", "t2", "t3", "t4", "t5", "t6", "t7"));
  }

  @Test
  void schemaIsCreatedOnceAtVersionOne() throws Exception {
    store().check();
    store().put(ADA, ADA_STATE);
    store().check();

    try (Connection c = connect(); Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("SELECT version FROM customer_sync_schema")) {
      List<Integer> versions = new ArrayList<>();
      while (rows.next()) {
        versions.add(rows.getInt(1));
      }
      assertThat(versions).containsExactly(1);
    }
  }

  @Test
  void storesStartingTogetherAllCreateOrFindTheSchema() throws Exception {
    int count = 6;
    List<JdbcSyncStateStore> starting = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      starting.add(store());
    }
    ExecutorService pool = Executors.newFixedThreadPool(count);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      for (JdbcSyncStateStore store : starting) {
        done.add(pool.submit(() -> {
          start.await();
          store.put(ADA, ADA_STATE);
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(rowCount()).isEqualTo(1);
    try (Connection c = connect(); Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM customer_sync_schema")) {
      rows.next();
      assertThat(rows.getInt(1)).isEqualTo(1);
    }
  }

  @Test
  void refusesADatabaseWhoseSchemaIsNewer() throws Exception {
    store().put(ADA, ADA_STATE);
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO customer_sync_schema (version) VALUES (2)");
    }
    JdbcSyncStateStore newer = store();

    assertThatThrownBy(newer::check)
        .isInstanceOf(SyncStateException.class)
        .hasMessageContaining("schema version 2 is newer than this SDK's 1; upgrade customer-sync")
        .hasMessageContaining(location());
    assertThatThrownBy(() -> newer.get(ADA))
        .isInstanceOf(SyncStateException.class)
        .hasMessageContaining("schema version 2 is newer");
  }

  @Test
  void refusesAKeyLongerThanItsColumnBeforeWriting() throws Exception {
    JdbcSyncStateStore store = store();
    store.check();
    SyncStateKey tooLong = new SyncStateKey("billbee", "acct-1", "email", "a".repeat(309) + "@example.com");

    assertThatThrownBy(() -> store.put(tooLong, ADA_STATE))
        .isInstanceOf(SyncStateException.class)
        .hasMessage("the sync state's key value is 321 characters long; at most 320 fit its column");
    assertThat(rowCount()).isZero();

    SyncStateKey longest = new SyncStateKey("billbee", "acct-1", "email", "a".repeat(308) + "@example.com");
    store.put(longest, ADA_STATE);
    assertThat(store.get(longest)).contains(ADA_STATE);
  }

  @Test
  void refusesACustomerIdLongerThanItsColumnBeforeWriting() throws Exception {
    JdbcSyncStateStore store = store();

    assertThatThrownBy(() -> store.put(ADA, new SyncState("9".repeat(256), "h", Instant.EPOCH)))
        .isInstanceOf(SyncStateException.class)
        .hasMessage("the sync state's customer id is 256 characters long; at most 255 fit its column");
  }

  @Test
  void checkLeavesNoRowBehind() throws Exception {
    store().check();

    assertThat(rowCount()).isZero();
  }

  @Test
  void aClosedStoreRefusesCalls() throws Exception {
    JdbcSyncStateStore store = store();
    // Open before the close, so an H2 file stays open and this test measures no reopening.
    JdbcSyncStateStore other = store();
    store.put(ADA, ADA_STATE);
    assertThat(other.get(ADA)).contains(ADA_STATE);
    store.close();

    assertThatThrownBy(() -> store.get(ADA))
        .isInstanceOf(SyncStateException.class)
        .hasMessageContaining("is closed");
    assertThat(other.get(ADA)).contains(ADA_STATE);
  }

  /** {@return how the stores of this test name their database in messages} */
  abstract String location();

  int rowCount() throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM customer_sync_state")) {
      rows.next();
      return rows.getInt(1);
    }
  }
}
