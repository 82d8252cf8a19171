package dev.customersync.examples;

import dev.customersync.cli.CustomerFileReader;
import dev.customersync.core.CustomerUpdater;
import dev.customersync.core.sync.CustomerSync;
import dev.customersync.core.sync.SyncFailure;
import dev.customersync.core.sync.SyncItem;
import dev.customersync.core.sync.SyncOptions;
import dev.customersync.core.sync.SyncReport;
import dev.customersync.core.sync.VendorOutcome;
import dev.customersync.state.JdbcSyncStateStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Syncs customers from a CSV or JSON-lines file (read by the CLI's {@link CustomerFileReader}) to
 * the chosen vendors; a bad row is printed with its line and skipped,
 * with a progress line while it runs and the report at the end. Failed updates are written to a
 * JSON-lines report as they happen (so memory stays flat however many fail), and {@code --retry}
 * feeds it back in to retry exactly those.
 *
 * <p>{@code --dry-run} asks each vendor what the sync would change and writes nothing: neither to
 * the vendors nor to the failures file. It prints one line per property that would change, as
 * {@code vendor id field: before → after} (values shown as they are, personal data included), and
 * the counts per vendor.
 *
 * <p>A file without vendor id columns (or a row whose id cell is empty) links the customer by
 * e-mail. {@code --create-missing} creates the customers no vendor has; {@code --state PATH}
 * remembers what was synced in an H2 file ({@code JdbcSyncStateStore}), so the next run sends
 * nothing for a customer that did not change; {@code --full} ignores what the state says was
 * synced (to repair changes made at a vendor) and still uses its ids.
 *
 * <pre>
 * SyncFile [FILE] [--vendors bokamera,billbee,storm] [--report failures.jsonl] [--retry failures.jsonl]
 *          [--dry-run] [--create-missing] [--state PATH] [--full]
 * </pre>
 *
 * Without FILE it syncs the bundled {@code sample-customers.csv}.
 */
public final class SyncFile {

  private SyncFile() {}

  /** Runs against the real vendors whose environment variables are set, else the embedded fakes; exits 1 on any failure. */
  public static void main(String[] args) {
    try (ExampleVendors vendors = ExampleVendors.start(System.getenv(), System.out)) {
      SyncReport report = run(vendors, args, System.out);
      if (!report.allSucceeded()) {
        System.exit(1);
      }
    }
  }

  static SyncReport run(ExampleVendors vendors, String[] args, PrintStream out) {
    return run(vendors.updaters(), vendors::describe, args, out);
  }

  /** The run itself, over any updaters: {@code describe} says where a vendor's calls go. */
  static SyncReport run(List<CustomerUpdater> updaters, Function<String, String> describe, String[] args,
      PrintStream out) {
    Path file = null;
    Path reportFile = Path.of("sync-failures.jsonl");
    Path retry = null;
    boolean dryRun = false;
    boolean createMissing = false;
    boolean full = false;
    Path statePath = null;
    Set<String> chosen = new LinkedHashSet<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--vendors" -> chosen.addAll(Arrays.asList(args[++i].split(",")));
        case "--report" -> reportFile = Path.of(args[++i]);
        case "--retry" -> retry = Path.of(args[++i]);
        case "--dry-run" -> dryRun = true;
        case "--create-missing" -> createMissing = true;
        case "--full" -> full = true;
        case "--state" -> statePath = Path.of(args[++i]);
        default -> file = Path.of(args[i]);
      }
    }
    CustomerSync.Builder builder = CustomerSync.builder();
    List<String> vendors = new java.util.ArrayList<>();
    for (CustomerUpdater u : updaters) {
      if (chosen.isEmpty() || chosen.contains(u.vendor())) {
        builder.updater(u);
        vendors.add(u.vendor());
      }
    }
    try (CustomerSync sync = builder.build(); Stream<SyncItem> items = source(file, retry, vendors, out);
        JdbcSyncStateStore state = statePath == null ? null : JdbcSyncStateStore.h2(statePath)) {
      Set<String> active = sync.vendors();
      out.println("SyncFile: " + (dryRun ? "dry run (nothing is written) against " : "syncing to ")
          + String.join(", ", active.stream().map(describe).toList()));
      Stream<SyncItem> forChosen = items.map(item -> new SyncItem(item.key(), item.customer(),
          item.links().stream().filter(l -> active.contains(l.vendor())).toList()));
      SyncOptions.Builder options = SyncOptions.builder().dryRun(dryRun).createMissing(createMissing).fullResync(full);
      if (state != null) {
        options.stateStore(state);
      }
      if (dryRun) {
        // No progress line: it would run into the change lines. No failures file either: a dry
        // run must not replace the failures a real run left for --retry.
        options.outcomeListener((item, o) -> o.changes().forEach(change ->
            out.println(o.vendor() + " " + o.customerId() + " " + change)));
      } else {
        options.progressInterval(Duration.ofMillis(200))
            .listener(p -> out.print("\r" + p.toLine() + "   "))
            .failureSink(reportFile);
      }
      SyncReport report = sync.syncAll(forChosen, options.build());
      out.println();
      print(report, out);
      if (dryRun) {
        return report;
      }
      if (report.failuresWritten() > 0) {
        out.println(report.failuresWritten() + " failures written to " + reportFile + "; retry them with --retry "
            + reportFile);
      } else {
        deleteEmpty(reportFile);
      }
      return report;
    }
  }

  static void print(SyncReport report, PrintStream out) {
    out.println("report: " + report.itemsRead() + " customers in " + report.duration().toMillis() + " ms"
        + (report.dryRun() ? " (dry run: nothing was written)" : "") + (report.cancelled() ? " (cancelled)" : ""));
    report.counts().forEach((vendor, counts) -> out.println("  " + vendor + ": "
        + (report.dryRun() ? counts.get(VendorOutcome.Status.WOULD_CHANGE) + " would change, "
            : counts.get(VendorOutcome.Status.UPDATED) + " updated, ")
        + (counts.get(VendorOutcome.Status.CREATED) > 0 ? counts.get(VendorOutcome.Status.CREATED) + " created, " : "")
        + (counts.get(VendorOutcome.Status.WOULD_CREATE) > 0
            ? counts.get(VendorOutcome.Status.WOULD_CREATE) + " would create, " : "")
        + counts.get(VendorOutcome.Status.UNCHANGED) + " unchanged, "
        + (counts.get(VendorOutcome.Status.SKIPPED) > 0 ? counts.get(VendorOutcome.Status.SKIPPED) + " skipped, " : "")
        + counts.get(VendorOutcome.Status.FAILED) + " failed"
        + (counts.get(VendorOutcome.Status.CANCELLED) > 0 ? ", " + counts.get(VendorOutcome.Status.CANCELLED) + " cancelled" : "")));
    for (SyncFailure f : report.failures()) {
      VendorOutcome o = f.outcome();
      out.println("  FAILED " + f.key() + " at " + o.vendor() + " " + o.customerId() + ": "
          + o.errorType().orElse(o.status().name()) + " " + o.errorIfFailed().map(Throwable::getMessage).orElse(""));
    }
    if (report.failuresTruncated()) {
      out.println("  ... and " + report.failuresDropped() + " more"
          + (report.dryRun() ? " (a dry run writes no failures file)" : " (all of them are in the failures file)"));
    }
  }

  private static void deleteEmpty(Path reportFile) {
    // Nothing failed: an empty failures file would only invite a pointless --retry.
    try {
      Files.deleteIfExists(reportFile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Stream<SyncItem> source(Path file, Path retry, List<String> vendors, PrintStream out) {
    if (retry != null) {
      try (Reader r = Files.newBufferedReader(retry, StandardCharsets.UTF_8)) {
        // Every failure, permanent ones too: whoever passes --retry has usually fixed the data (and
        // the run rewrites the same report file, which must not lose them). A scheduled job would
        // call readRetryItems(r), which takes only failures that may pass by themselves.
        List<SyncItem> items = SyncReport.readRetryItems(r, true);
        out.println("retrying " + items.stream().mapToLong(i -> i.links().size()).sum() + " failed updates from " + retry);
        return items.stream();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (file == null) {
      file = bundledSample();
      out.println("no file given: using the bundled sample-customers.csv");
    }
    return CustomerFile.read(file, vendors, row -> out.println("bad row, skipped: " + row));
  }

  static Path bundledSample() {
    try (InputStream in = SyncFile.class.getResourceAsStream("/dev/customersync/cli/sample-customers.csv")) {
      Path tmp = Files.createTempFile("sample-customers", ".csv");
      tmp.toFile().deleteOnExit();
      Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
      return tmp;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

}
