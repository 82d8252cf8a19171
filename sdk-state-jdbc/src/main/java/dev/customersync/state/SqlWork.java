package dev.customersync.state;

import java.sql.Connection;
import java.sql.SQLException;

/** One piece of work on a connection that {@link Connections} lends. */
@FunctionalInterface
interface SqlWork<T> {

  T run(Connection connection) throws SQLException;
}
