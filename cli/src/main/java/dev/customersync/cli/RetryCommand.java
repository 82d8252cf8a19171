package dev.customersync.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code customer-sync retry FAILURES.jsonl}. */
@Command(name = "retry", mixinStandardHelpOptions = true,
    exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.OK, ExitCodes.FAILED, ExitCodes.USAGE},
    description = {"Retries exactly the failed updates of an earlier run's report, at the vendors they failed at "
        + "(or those of --vendors). Bad rows in it are carried over to the new report: fix them in the source "
        + "file and sync it again."})
final class RetryCommand implements Callable<Integer> {

  private final CliContext ctx;

  @Mixin
  RunOptions options = new RunOptions();

  @Parameters(paramLabel = "FAILURES.jsonl", description = "the report of an earlier sync or retry")
  Path failures = Path.of("");

  RetryCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    return Runs.retry(ctx, options, failures);
  }
}
