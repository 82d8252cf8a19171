package dev.customersync.state;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * A connection from the application's {@code DataSource} (normally a pool) per call, given back at
 * once. Thread-safe as far as the {@code DataSource} is.
 */
final class DataSourceConnections implements Connections {

  private final DataSource dataSource;
  private volatile @Nullable String url;

  DataSourceConnections(DataSource dataSource) {
    this.dataSource = dataSource;
    this.url = configuredUrl(dataSource);
  }

  @Override
  public <T> T use(SqlWork<T> work) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      if (url == null) {
        url = connection.getMetaData().getURL();
      }
      // The upsert relies on each statement committing alone: on PostgreSQL a unique violation
      // inside an open transaction would abort it, and the retrying UPDATE could not run.
      boolean autoCommit = connection.getAutoCommit();
      if (!autoCommit) {
        connection.setAutoCommit(true);
      }
      try {
        return work.run(connection);
      } finally {
        if (!autoCommit) {
          connection.setAutoCommit(false);
        }
      }
    }
  }

  /**
   * The URL the {@code DataSource} was configured with, so that a message can name the database
   * even when no connection could be opened. There is no standard accessor; these are the
   * getters of the common ones (PostgreSQL's and H2's {@code getURL}, HikariCP's {@code
   * getJdbcUrl}, Tomcat's and DBCP's {@code getUrl}).
   */
  private static @Nullable String configuredUrl(DataSource dataSource) {
    for (String getter : new String[] {"getJdbcUrl", "getURL", "getUrl"}) {
      try {
        Method method = dataSource.getClass().getMethod(getter);
        if (method.getReturnType() == String.class) {
          Object value = method.invoke(dataSource);
          if (value != null) {
            return (String) value;
          }
        }
      } catch (ReflectiveOperationException | RuntimeException e) {
        // Not this DataSource's getter; try the next, or name the database by its class.
      }
    }
    return null;
  }

  @Override
  public String location() {
    String known = url;
    return known != null
        ? "database " + Passwords.redact(known)
        : "database of " + dataSource.getClass().getName();
  }

  @Override
  public void close() {
    // The DataSource is the application's; it closes it.
  }
}
