package dev.customersync.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code customer-sync plan FILE}: the dry run. */
@Command(name = "plan", mixinStandardHelpOptions = true,
    exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.OK, ExitCodes.FAILED, ExitCodes.USAGE},
    description = {"The dry run of sync: reads each customer at each vendor and prints every change a sync "
        + "would make, one line each, as 'vendor id field: before -> after' (values shown as they are, "
        + "personal data included). Writes nothing to the vendors."})
final class PlanCommand implements Callable<Integer> {

  private final CliContext ctx;

  @Mixin
  RunOptions options = new RunOptions();

  @Parameters(paramLabel = "FILE", description = "customers.csv (header row) or customers.jsonl")
  Path file = Path.of("");

  PlanCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    return Runs.file(ctx, options, file, true);
  }
}
