/**
 * The {@code customer-sync} command line tool (public API: {@link
 * dev.customersync.cli.CustomerSyncCommand} as the program, {@link
 * dev.customersync.cli.CustomerFileReader} and {@link dev.customersync.cli.CustomerRow} as a
 * library for reading customer files). Everything package-private here is internal.
 */
@NullMarked
package dev.customersync.cli;

import org.jspecify.annotations.NullMarked;
