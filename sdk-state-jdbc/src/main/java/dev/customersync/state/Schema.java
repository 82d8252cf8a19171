package dev.customersync.state;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The tables, created on first use and versioned in {@code customer_sync_schema}. Any number of
 * stores (in any number of processes) may create them at once: whoever loses a race to create a
 * table or to record the version finds the winner's and goes on.
 */
final class Schema {

  /** The version this code reads and writes; a database with a higher one is refused. */
  static final int VERSION = 1;

  static final int VENDOR_LENGTH = 64;
  static final int ACCOUNT_LENGTH = 128;
  static final int KIND_LENGTH = 32;
  /** RFC 5321's longest e-mail address (64 + 1 + 255) is the longest match key we know of. */
  static final int VALUE_LENGTH = 320;
  static final int CUSTOMER_ID_LENGTH = 255;
  static final int HASH_LENGTH = 128;

  private static final String CREATE_VERSION_TABLE =
      "CREATE TABLE customer_sync_schema (version INT NOT NULL PRIMARY KEY)";

  // Lengths are in characters on H2 and PostgreSQL; the key (at most 544 characters, 2176 bytes
  // in UTF-8) stays under PostgreSQL's 2704-byte limit for a B-tree entry. synced_at keeps
  // microseconds on both.
  private static final String CREATE_STATE_TABLE = "CREATE TABLE customer_sync_state ("
      + "vendor VARCHAR(" + VENDOR_LENGTH + ") NOT NULL, "
      + "account VARCHAR(" + ACCOUNT_LENGTH + ") NOT NULL, "
      + "key_kind VARCHAR(" + KIND_LENGTH + ") NOT NULL, "
      + "key_value VARCHAR(" + VALUE_LENGTH + ") NOT NULL, "
      + "customer_id VARCHAR(" + CUSTOMER_ID_LENGTH + ") NOT NULL, "
      + "customer_hash VARCHAR(" + HASH_LENGTH + ") NOT NULL, "
      + "synced_at TIMESTAMP WITH TIME ZONE NOT NULL, "
      + "PRIMARY KEY (vendor, account, key_kind, key_value))";

  private Schema() {}

  /**
   * Creates what is missing, on an auto-commit connection.
   *
   * @return the database's schema version: {@link #VERSION}, or a newer one, in which case
   *     nothing was touched
   */
  static int ensure(Connection connection) throws SQLException {
    int version;
    try {
      version = version(connection);
    } catch (SQLException missing) {
      createTolerantly(connection, CREATE_VERSION_TABLE, "customer_sync_schema");
      version = version(connection);
    }
    if (version >= VERSION) {
      return version;
    }
    createTolerantly(connection, CREATE_STATE_TABLE, "customer_sync_state");
    try (Statement statement = connection.createStatement()) {
      statement.executeUpdate("INSERT INTO customer_sync_schema (version) VALUES (" + VERSION + ")");
    } catch (SQLException e) {
      if (!isUniqueViolation(e)) {
        throw e;
      }
      // Another store recorded it first.
    }
    return VERSION;
  }

  /** {@return the highest version recorded, 0 for none} */
  private static int version(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT MAX(version) FROM customer_sync_schema")) {
      rows.next();
      return rows.getInt(1);
    }
  }

  /**
   * Runs {@code create}; when it fails, succeeds anyway if the table is there: {@code IF NOT
   * EXISTS} is neither portable nor, on PostgreSQL, safe against a concurrent creator.
   */
  private static void createTolerantly(Connection connection, String create, String table)
      throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.executeUpdate(create);
    } catch (SQLException e) {
      try (Statement statement = connection.createStatement()) {
        statement.executeQuery("SELECT COUNT(*) FROM " + table + " WHERE 1 = 0").close();
      } catch (SQLException stillMissing) {
        e.addSuppressed(stillMissing);
        throw e;
      }
    }
  }

  /** A duplicate key: SQLState 23505 on H2 and PostgreSQL, 23000 on MySQL and SQL Server. */
  static boolean isUniqueViolation(SQLException e) {
    return "23505".equals(e.getSQLState()) || "23000".equals(e.getSQLState());
  }
}
