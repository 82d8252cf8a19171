package dev.customersync.state;

import java.sql.SQLException;

/**
 * Where a {@link JdbcSyncStateStore} gets its connections: one it keeps open (an H2 file), or the
 * application's {@code DataSource}. Every connection is lent in auto-commit mode.
 */
interface Connections {

  /**
   * Runs {@code work} on a connection, which must not escape it.
   *
   * @throws SQLException from opening the connection or from the work
   */
  <T> T use(SqlWork<T> work) throws SQLException;

  /** Where the database is, for messages: a file path, or a JDBC URL without its password. */
  String location();

  /** Releases what is held open; the application's {@code DataSource} is left as it is. */
  void close() throws SQLException;
}
