package dev.customersync.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code customer-sync} program: {@code sync FILE}, {@code plan FILE} (the dry run), {@code
 * retry FAILURES.jsonl} and {@code demo}, for running the nightly customer sync from a shell or
 * cron without writing Java. Credentials come from the environment variables the README lists, or
 * from a {@code --config} properties file, never from the command line.
 *
 * <p>Exit codes: 0 when every row synced; 1 when some rows were bad or some updates failed (the
 * report says which); 2 for bad usage or configuration, in which case nothing was sent.
 */
@Command(name = "customer-sync", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = {"Keeps customers in sync with BokaMera, Billbee and Storm Commerce.",
        "Credentials: the environment variables BOKAMERA_*, BILLBEE_* and STORM_* (see the README's "
            + "\"Command line\"), or the same names in a --config properties file; never options."},
    exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.OK, ExitCodes.FAILED, ExitCodes.USAGE})
public final class CustomerSyncCommand implements Runnable {

  @Spec
  CommandSpec spec;

  CustomerSyncCommand() {}

  /**
   * Runs the command line and exits with its exit code.
   *
   * @param args the arguments, e.g. {@code sync customers.csv --vendors billbee}
   */
  public static void main(String[] args) {
    System.exit(commandLine(CliContext.system()).execute(args));
  }

  /** The command with its subcommands, reading and writing through {@code ctx}. */
  static CommandLine commandLine(CliContext ctx) {
    CommandLine cl = new CommandLine(new CustomerSyncCommand())
        .addSubcommand("sync", new SyncCommand(ctx))
        .addSubcommand("plan", new PlanCommand(ctx))
        .addSubcommand("retry", new RetryCommand(ctx))
        .addSubcommand("demo", new DemoCommand(ctx));
    cl.setOut(ctx.out());
    cl.setErr(ctx.err());
    cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      if (e instanceof UsageException || e instanceof CustomerFileException) {
        commandLine.getErr().println("customer-sync: " + e.getMessage());
        commandLine.getErr().flush();
        return CommandLine.ExitCode.USAGE;
      }
      commandLine.getErr().println("customer-sync: failed: " + e);
      commandLine.getErr().flush();
      return CommandLine.ExitCode.SOFTWARE;
    });
    return cl;
  }

  /** Without a command: says which commands there are, and exits 2. */
  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a command: sync, plan, retry or demo");
  }
}
