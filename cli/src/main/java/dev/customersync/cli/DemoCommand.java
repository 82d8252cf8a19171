package dev.customersync.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code customer-sync demo}: plan and sync the bundled sample file against embedded fake vendors. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Runs 'plan' and then 'sync' on the bundled sample-customers.csv against fake BokaMera, "
        + "Billbee and Storm servers started in this JVM (from sdk-testkit), then syncs new-customers.csv, which "
        + "has no vendor ids, twice by e-mail with --create-missing and --state: the first run finds or creates "
        + "every customer, the second makes no vendor call at all. Needs no credentials and sends nothing "
        + "outside this machine."})
final class DemoCommand implements Callable<Integer> {

  private final CliContext ctx;

  DemoCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter out = ctx.out();
    Path dir = Files.createTempDirectory("customer-sync-demo");
    Path sample = copyResource("sample-customers.csv", dir);
    Path fresh = copyResource("new-customers.csv", dir);
    Path state = dir.resolve("customer-sync-state");
    Path report = dir.resolve("customer-sync-report.jsonl");
    try (DemoVendors fakes = new DemoVendors()) {
      CliContext faked = ctx.withEnv(fakes.env());
      out.println("customer-sync demo: BokaMera, Billbee and Storm are fakes started in this JVM, seeded with the");
      out.println("customers of " + sample + ". With real credentials set, the same commands talk to the real vendors.");
      out.println();
      out.println("$ customer-sync plan " + sample);
      out.flush();
      int plan = CustomerSyncCommand.commandLine(faked).execute("plan", sample.toString());
      out.println();
      out.println("$ customer-sync sync " + sample + " --report " + report);
      out.flush();
      int sync = CustomerSyncCommand.commandLine(faked).execute("sync", sample.toString(), "--report", report.toString());
      out.println();
      out.println("$ customer-sync plan " + sample + "   # again: the vendors now hold every value");
      out.flush();
      int again = CustomerSyncCommand.commandLine(faked).execute("plan", sample.toString());
      out.println();
      int byEmail = 0;
      for (String run : new String[] {"first run: finds Ada, creates the others", "same file again"}) {
        out.println("$ customer-sync sync " + fresh + " --create-missing --state " + state + "   # " + run);
        out.flush();
        long before = fakes.requests();
        byEmail = Math.max(byEmail, CustomerSyncCommand.commandLine(faked).execute("sync", fresh.toString(),
            "--create-missing", "--state", state.toString(), "--report", report.toString()));
        out.println("vendor calls: " + (fakes.requests() - before));
        out.println();
      }
      out.println("demo finished");
      out.flush();
      return Math.max(Math.max(plan, byEmail), Math.max(sync, again));
    } finally {
      deleteQuietly(dir.resolve("customer-sync-state.mv.db"));
      deleteQuietly(dir.resolve("customer-sync-state.trace.db"));
      deleteQuietly(fresh);
      deleteQuietly(report);
      deleteQuietly(sample);
      deleteQuietly(dir);
    }
  }

  /** Copies one of the demo's files out of the jar into {@code dir}, for the commands to read. */
  private static Path copyResource(String name, Path dir) throws IOException {
    Path target = dir.resolve(name);
    try (InputStream in = DemoCommand.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the jar");
      }
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
    return target;
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
