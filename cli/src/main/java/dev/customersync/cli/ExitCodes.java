package dev.customersync.cli;

/** The exit codes every command documents in its help, as picocli's {@code code:description} lines. */
final class ExitCodes {

  static final String HEADING = "%nExit codes:%n";
  static final String OK = "0:every row synced";
  static final String FAILED = "1:some rows were bad or some updates failed (see the report); with --strict, "
      + "the rows before the first bad one were synced";
  static final String USAGE = "2:bad usage or configuration; nothing was sent";

  private ExitCodes() {}
}
