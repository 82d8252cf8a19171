package dev.customersync.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * One connection to an embedded H2 file database, opened on first use and kept for the store's
 * lifetime: opening a file database costs milliseconds (and H2 closes it with its last connection),
 * where a statement costs microseconds. Callers take turns on it, which is also what H2 would do
 * inside its single file.
 */
final class H2FileConnections implements Connections {

  private final Path file;
  private final ReentrantLock lock = new ReentrantLock();
  private @Nullable Connection connection;

  /** @param file the database file without H2's {@code .mv.db} suffix, absolute */
  H2FileConnections(Path file) {
    this.file = file;
  }

  @Override
  public <T> T use(SqlWork<T> work) throws SQLException {
    lock.lock();
    try {
      return work.run(open());
    } finally {
      lock.unlock();
    }
  }

  private Connection open() throws SQLException {
    Connection open = connection;
    if (open != null && !open.isClosed()) {
      return open;
    }
    Path parent = file.getParent();
    if (parent != null) {
      try {
        Files.createDirectories(parent);
      } catch (IOException e) {
        throw new SQLException("cannot create the directory " + parent + " (" + e + ")", e);
      }
    }
    // The driver class directly rather than DriverManager: no dependence on service loading, and
    // an application's own H2 registration (another version, another class loader) is not asked.
    open = org.h2.Driver.load().connect(url(), new Properties());
    if (open == null) {
      throw new SQLException("H2 refused the URL " + url());
    }
    connection = open;
    return open;
  }

  private String url() {
    return "jdbc:h2:file:" + file;
  }

  @Override
  public String location() {
    return "H2 database " + file + ".mv.db";
  }

  @Override
  public void close() throws SQLException {
    lock.lock();
    try {
      Connection open = connection;
      connection = null;
      if (open != null) {
        open.close();
      }
    } finally {
      lock.unlock();
    }
  }
}
