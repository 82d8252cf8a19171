package dev.customersync.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.customersync.core.sync.SyncStateException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** The contract on a real PostgreSQL server; each test gets a schema of its own on one server. */
class PostgresJdbcSyncStateStoreTest extends JdbcSyncStateStoreContract {

  private static PostgresServer server;
  private static int schemas;

  private String schema;
  private TinyPool pool;

  @BeforeAll
  static void startServer() {
    server = PostgresServer.start();
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @BeforeEach
  void newSchema() throws SQLException {
    schema = "test" + ++schemas;
    try (Connection c = server.dataSource(null).getConnection(); Statement s = c.createStatement()) {
      s.executeUpdate("CREATE SCHEMA " + schema);
    }
    pool = new TinyPool(server.dataSource(schema), 8);
  }

  @AfterEach
  void closePool() throws SQLException {
    pool.close();
  }

  @Override
  JdbcSyncStateStore newStore() {
    return JdbcSyncStateStore.of(pool);
  }

  @Override
  Connection connect() throws SQLException {
    return server.dataSource(schema).getConnection();
  }

  @Override
  String location() {
    return "database jdbc:postgresql://127.0.0.1:" + server.port() + "/postgres";
  }

  @Test
  void noPasswordInAnyMessageWhenTheServerCannotBeReached() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setURL("jdbc:postgresql://127.0.0.1:" + closedPort + "/postgres?user=test&password=s3cret-pw");
    JdbcSyncStateStore store = closeLater(JdbcSyncStateStore.of(dataSource));

    assertThatThrownBy(store::check)
        .isInstanceOf(SyncStateException.class)
        .hasMessageStartingWith("could not check the sync state in database jdbc:postgresql://127.0.0.1:" + closedPort + "/postgres")
        .satisfies(e -> assertThat(messages(e)).doesNotContain("s3cret-pw"));
    assertThat(store.toString()).doesNotContain("s3cret-pw");
  }

  @Test
  void noPasswordInAnyMessageWhenTheDatabaseFails() throws Exception {
    // The server trusts loopback, so the password is sent and ignored.
    PGSimpleDataSource dataSource = server.dataSource(schema);
    dataSource.setPassword("s3cret-pw");
    dataSource.setURL(dataSource.getURL() + "&password=s3cret-pw");
    JdbcSyncStateStore store = closeLater(JdbcSyncStateStore.of(dataSource));
    store.check();
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.executeUpdate("DROP TABLE customer_sync_state");
    }

    assertThatThrownBy(() -> store.put(ADA, ADA_STATE))
        .isInstanceOf(SyncStateException.class)
        .hasMessageStartingWith("could not write the sync state in " + location())
        .hasMessageContaining("customer_sync_state")
        .satisfies(e -> assertThat(messages(e)).doesNotContain("s3cret-pw"));
    assertThat(store.toString()).doesNotContain("s3cret-pw");
  }

  @Test
  void checkFailsNamingTheDatabaseWhenTheUserMayNotWrite() throws Exception {
    store().check();
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.executeUpdate("DROP ROLE IF EXISTS reader_" + schema);
      s.executeUpdate("CREATE ROLE reader_" + schema + " LOGIN");
      s.executeUpdate("GRANT USAGE ON SCHEMA " + schema + " TO reader_" + schema);
      s.executeUpdate("GRANT SELECT ON ALL TABLES IN SCHEMA " + schema + " TO reader_" + schema);
    }
    PGSimpleDataSource readOnly = server.dataSource(schema);
    readOnly.setUser("reader_" + schema);
    JdbcSyncStateStore store = closeLater(JdbcSyncStateStore.of(readOnly));

    assertThat(store.get(ADA)).isEmpty();
    assertThatThrownBy(store::check)
        .isInstanceOf(SyncStateException.class)
        .hasMessageStartingWith("could not check the sync state in " + location())
        .hasMessageContaining("permission denied");
  }

  /** {@return the messages of {@code e} and of its causes and suppressed exceptions, joined} */
  static String messages(Throwable e) {
    List<String> all = new ArrayList<>();
    collect(e, all);
    return String.join("\n", all);
  }

  private static void collect(Throwable e, List<String> into) {
    into.add(String.valueOf(e));
    for (Throwable suppressed : e.getSuppressed()) {
      collect(suppressed, into);
    }
    if (e.getCause() != null && e.getCause() != e) {
      collect(e.getCause(), into);
    }
  }
}
