/**
 * <b>Public API</b> of the JDBC state module: {@link dev.customersync.state.JdbcSyncStateStore}
 * remembers what a bulk sync confirmed at each vendor, in an embedded H2 file or in any JDBC
 * database the application already runs (tested on PostgreSQL), so that a later run skips the
 * customers that did not change. The other classes of this package are package-private. Depends
 * on {@code core} and H2, on no vendor module.
 */
@NullMarked
package dev.customersync.state;

import org.jspecify.annotations.NullMarked;
