package dev.customersync.cli;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * What a command reads from and writes to outside its arguments, so that tests run it in-process:
 * the environment (credentials), the output streams, the clock, whether output goes to a terminal,
 * how often progress is printed, and whether the command owns the process (and so may stop a run
 * cleanly on Ctrl-C or a cron job's SIGTERM through a shutdown hook).
 */
record CliContext(Map<String, String> env, PrintWriter out, PrintWriter err, Clock clock, boolean terminal,
    Duration progressInterval, boolean ownsProcess) {

  /** How often progress is printed on a terminal, where the line is rewritten in place. */
  static final Duration TERMINAL_PROGRESS_INTERVAL = Duration.ofMillis(200);
  /** How often a progress line is printed when output goes to a file or a pipe (a cron log). */
  static final Duration PLAIN_PROGRESS_INTERVAL = Duration.ofSeconds(10);

  /** The real process: its environment, stdout and stderr, and the terminal if there is one. */
  static CliContext system() {
    boolean terminal = System.console() != null;
    Charset charset = System.console() != null ? System.console().charset() : Charset.defaultCharset();
    return new CliContext(System.getenv(), new PrintWriter(new java.io.OutputStreamWriter(System.out, charset), true),
        new PrintWriter(new java.io.OutputStreamWriter(System.err, charset), true), Clock.systemUTC(), terminal,
        terminal ? TERMINAL_PROGRESS_INTERVAL : PLAIN_PROGRESS_INTERVAL, true);
  }

  /** The same context with another environment: the demo points the commands at its fakes. */
  CliContext withEnv(Map<String, String> newEnv) {
    return new CliContext(newEnv, out, err, clock, terminal, progressInterval, ownsProcess);
  }
}
