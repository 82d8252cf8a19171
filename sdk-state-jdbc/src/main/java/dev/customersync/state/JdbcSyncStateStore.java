package dev.customersync.state;

import dev.customersync.core.sync.SyncState;
import dev.customersync.core.sync.SyncStateException;
import dev.customersync.core.sync.SyncStateKey;
import dev.customersync.core.sync.SyncStateStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A {@link SyncStateStore} in a database: an embedded H2 file by default, or any JDBC database the
 * application runs (tested on PostgreSQL), so that what a bulk sync confirmed survives a restart
 * and is shared by every process that syncs the same accounts.
 *
 * <pre>{@code
 * try (JdbcSyncStateStore state = JdbcSyncStateStore.h2()) {      // ./customer-sync-state.mv.db
 *   SyncReport report = sync.syncAll(items, SyncOptions.builder().stateStore(state).build());
 * }
 * // or the application's own database, through its pool:
 * SyncStateStore state = JdbcSyncStateStore.of(dataSource);
 * }</pre>
 *
 * <p>The tables {@code customer_sync_schema} and {@code customer_sync_state} are created on first
 * use (or by {@link #check()}), by whichever store gets there first; the user needs {@code CREATE
 * TABLE} once, then {@code SELECT}, {@code INSERT}, {@code UPDATE} and {@code DELETE}. A database
 * whose schema a newer SDK upgraded is refused rather than misread. Key parts are limited to the
 * column sizes: vendor 64 characters, account 128, kind 32, value 320 (the longest e-mail address),
 * customer id 255, hash 128; a longer one is refused before anything is written. {@link
 * SyncState#syncedAt()} is kept to the microsecond (truncated).
 *
 * <p>Thread-safe. Writers of the same key, in this process or another, never fail or lose a row:
 * the last write wins. Every database failure is a {@link SyncStateException} that names the
 * operation and the database (its file, or its JDBC URL with any password masked).
 */
public final class JdbcSyncStateStore implements SyncStateStore {

  /** Where {@link #h2()} keeps the database, relative to the working directory. */
  private static final String DEFAULT_H2_FILE = "customer-sync-state";

  private static final String H2_SUFFIX = ".mv.db";

  /** A race with other writers is lost at most this often in one put before it is reported. */
  private static final int UPSERT_ATTEMPTS = 10;

  private static final String SELECT = "SELECT customer_id, customer_hash, synced_at "
      + "FROM customer_sync_state WHERE vendor = ? AND account = ? AND key_kind = ? AND key_value = ?";
  private static final String UPDATE = "UPDATE customer_sync_state "
      + "SET customer_id = ?, customer_hash = ?, synced_at = ? "
      + "WHERE vendor = ? AND account = ? AND key_kind = ? AND key_value = ?";
  private static final String INSERT = "INSERT INTO customer_sync_state "
      + "(customer_id, customer_hash, synced_at, vendor, account, key_kind, key_value) "
      + "VALUES (?, ?, ?, ?, ?, ?, ?)";
  private static final String DELETE = "DELETE FROM customer_sync_state "
      + "WHERE vendor = ? AND account = ? AND key_kind = ? AND key_value = ?";

  private final Connections connections;
  private final Object schemaLock = new Object();
  private volatile boolean schemaReady;
  private volatile boolean closed;

  private JdbcSyncStateStore(Connections connections) {
    this.connections = connections;
  }

  /**
   * {@return a store in the embedded H2 database {@code ./customer-sync-state.mv.db}}; see {@link
   * #h2(Path)}
   */
  public static JdbcSyncStateStore h2() {
    return h2(Path.of(DEFAULT_H2_FILE));
  }

  /**
   * Returns a store in an embedded H2 database in {@code file}. Nothing is opened until the first
   * call ({@link #check()} normally): then the missing parent directories and the database are
   * created, and one connection is kept open until {@link #close()}. One process at a time may
   * have the file open; H2 refuses a second, which {@link #check()} reports.
   *
   * @param file the database's path without H2's {@code .mv.db} suffix (one given is dropped),
   *     relative to the working directory unless absolute
   * @return the store, to close when done
   * @throws IllegalArgumentException the path contains {@code ;}, which H2 reads as the end of the
   *     path in its URL
   */
  public static JdbcSyncStateStore h2(Path file) {
    Objects.requireNonNull(file, "file");
    String path = file.toAbsolutePath().normalize().toString();
    if (path.contains(";")) {
      throw new IllegalArgumentException("H2 file path must not contain ';': " + path);
    }
    if (path.endsWith(H2_SUFFIX)) {
      path = path.substring(0, path.length() - H2_SUFFIX.length());
    }
    return new JdbcSyncStateStore(new H2FileConnections(Path.of(path)));
  }

  /**
   * Returns a store in the database of {@code dataSource}, which should pool connections: each
   * call borrows one and gives it back. {@link #close()} leaves the {@code DataSource} open.
   *
   * @param dataSource the application's database
   * @return the store
   */
  public static JdbcSyncStateStore of(DataSource dataSource) {
    return new JdbcSyncStateStore(new DataSourceConnections(Objects.requireNonNull(dataSource, "dataSource")));
  }

  @Override
  public Optional<SyncState> get(SyncStateKey key) {
    KeyLimits.check(key);
    return call("read", connection -> {
      try (PreparedStatement select = connection.prepareStatement(SELECT)) {
        bindKey(select, 1, key);
        try (ResultSet row = select.executeQuery()) {
          if (!row.next()) {
            return Optional.empty();
          }
          return Optional.of(new SyncState(row.getString(1), row.getString(2),
              row.getObject(3, OffsetDateTime.class).toInstant()));
        }
      }
    });
  }

  @Override
  public void put(SyncStateKey key, SyncState state) {
    KeyLimits.check(key);
    KeyLimits.check(state);
    call("write", connection -> {
      upsert(connection, key, state);
      return null;
    });
  }

  @Override
  public void remove(SyncStateKey key) {
    KeyLimits.check(key);
    call("remove", connection -> {
      try (PreparedStatement delete = connection.prepareStatement(DELETE)) {
        bindKey(delete, 1, key);
        delete.executeUpdate();
      }
      return null;
    });
  }

  /**
   * Opens the database, creates the tables if missing, checks the schema version, and proves that
   * a row can be written: one is inserted and deleted in a transaction that is rolled back.
   *
   * @throws SyncStateException the database cannot be opened (for H2: the path is a directory or
   *     not writable, or another process has it open), the schema is newer than this SDK's, or the
   *     user may not write
   */
  @Override
  public void check() {
    schemaReady = false;
    call("check", connection -> {
      connection.setAutoCommit(false);
      try {
        SyncStateKey probe = new SyncStateKey("customer-sync", "check", "probe", UUID.randomUUID().toString());
        upsert(connection, probe, new SyncState("probe", "probe", Instant.EPOCH));
        try (PreparedStatement delete = connection.prepareStatement(DELETE)) {
          bindKey(delete, 1, probe);
          delete.executeUpdate();
        }
      } finally {
        connection.rollback();
        connection.setAutoCommit(true);
      }
      return null;
    });
  }

  /**
   * Closes the H2 database's connection (H2 then closes the file); a store on a {@code DataSource}
   * holds nothing open. Calls after this fail. Idempotent.
   *
   * @throws SyncStateException the connection could not be closed
   */
  @Override
  public void close() {
    closed = true;
    try {
      connections.close();
    } catch (SQLException e) {
      throw failure("close", e);
    }
  }

  @Override
  public String toString() {
    return "JdbcSyncStateStore{" + connections.location() + "}";
  }

  private <T> T call(String operation, SqlWork<T> work) {
    if (closed) {
      throw new SyncStateException("cannot " + operation + " the sync state: the store of "
          + connections.location() + " is closed");
    }
    try {
      return connections.use(connection -> {
        ensureSchema(connection);
        return work.run(connection);
      });
    } catch (SQLException e) {
      throw failure(operation, e);
    }
  }

  private void ensureSchema(Connection connection) throws SQLException {
    if (schemaReady) {
      return;
    }
    synchronized (schemaLock) {
      if (schemaReady) {
        return;
      }
      int version = Schema.ensure(connection);
      if (version > Schema.VERSION) {
        throw new SyncStateException("cannot use the sync state in " + connections.location()
            + ": schema version " + version + " is newer than this SDK's " + Schema.VERSION
            + "; upgrade customer-sync");
      }
      schemaReady = true;
    }
  }

  /**
   * UPDATE, else INSERT; an INSERT that loses the race to another writer becomes an UPDATE of the
   * row it inserted. Portable, and safe on PostgreSQL as long as each statement commits alone (a
   * unique violation aborts a PostgreSQL transaction): {@link #check()}'s probe key is unique.
   */
  private static void upsert(Connection connection, SyncStateKey key, SyncState state) throws SQLException {
    for (int attempt = 1; ; attempt++) {
      try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
        bindState(update, state);
        bindKey(update, 4, key);
        if (update.executeUpdate() > 0) {
          return;
        }
      }
      try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
        bindState(insert, state);
        bindKey(insert, 4, key);
        insert.executeUpdate();
        return;
      } catch (SQLException e) {
        if (!Schema.isUniqueViolation(e) || attempt >= UPSERT_ATTEMPTS) {
          throw e;
        }
        // Inserted by another writer since our UPDATE: update it (or, if removed since, insert).
      }
    }
  }

  private static void bindState(PreparedStatement statement, SyncState state) throws SQLException {
    statement.setString(1, state.customerId());
    statement.setString(2, state.customerHash());
    statement.setObject(3, OffsetDateTime.ofInstant(state.syncedAt().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
  }

  private static void bindKey(PreparedStatement statement, int first, SyncStateKey key) throws SQLException {
    statement.setString(first, key.vendor());
    statement.setString(first + 1, key.account());
    statement.setString(first + 2, key.kind());
    statement.setString(first + 3, key.value());
  }

  private SyncStateException failure(String operation, SQLException e) {
    return new SyncStateException("could not " + operation + " the sync state in "
        + connections.location() + ": " + Passwords.redact(e.getMessage()), e);
  }
}
