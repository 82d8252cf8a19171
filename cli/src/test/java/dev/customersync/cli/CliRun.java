package dev.customersync.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** Runs the command line in-process with a given environment, capturing what it prints. */
final class CliRun {

  record Result(int exitCode, String out, String err) {
    String all() {
      return out + err;
    }
  }

  private CliRun() {}

  static Result run(Map<String, String> env, String... args) {
    return run(env, false, args);
  }

  static Result run(Map<String, String> env, boolean terminal, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    // Progress at every engine report: the plain-line and terminal formats are both exercised
    // without waiting out a real interval.
    CliContext ctx = new CliContext(env, new PrintWriter(out, true), new PrintWriter(err, true), Clock.systemUTC(),
        terminal, Duration.ZERO, false);
    int code = CustomerSyncCommand.commandLine(ctx).execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  /** Only the settings of {@code vendor} (its variables' prefix), so the run's default vendors are that one. */
  static Map<String, String> only(Map<String, String> env, String vendor) {
    String prefix = vendor.toUpperCase(java.util.Locale.ROOT) + "_";
    return env.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }
}
