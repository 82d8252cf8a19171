/**
 * <b>Public API</b> of the command line module: {@link dev.customersync.cli.CustomerSyncCommand}
 * is the {@code customer-sync} program (its commands, options and exit codes are the promise), and
 * {@link dev.customersync.cli.CustomerFileReader} with {@link dev.customersync.cli.CustomerRow}
 * reads customer files for any application. The other classes of this package are package-private.
 * Depends on {@code core}, the three vendor modules, {@code state-jdbc} (for {@code --state}) and
 * {@code testkit} (for {@code demo}).
 */
@NullMarked
package dev.customersync.cli;

import org.jspecify.annotations.NullMarked;
