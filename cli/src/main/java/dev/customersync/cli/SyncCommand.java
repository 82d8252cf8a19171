package dev.customersync.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code customer-sync sync FILE}. */
@Command(name = "sync", mixinStandardHelpOptions = true,
    exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.OK, ExitCodes.FAILED, ExitCodes.USAGE},
    description = {"Syncs every customer of a CSV or JSON-lines file to the vendors.",
        "A bad row is reported with its line number and the rest of the file syncs; failed updates and bad rows "
            + "go to the report, and 'customer-sync retry REPORT' retries the failed updates."})
final class SyncCommand implements Callable<Integer> {

  private final CliContext ctx;

  @Mixin
  RunOptions options = new RunOptions();

  @Parameters(paramLabel = "FILE", description = "customers.csv (header row) or customers.jsonl")
  Path file = Path.of("");

  SyncCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    return Runs.file(ctx, options, file, false);
  }
}
