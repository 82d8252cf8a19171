package dev.customersync.cli;

import dev.customersync.core.CustomerUpdater;
import dev.customersync.core.sync.CustomerSync;
import dev.customersync.core.sync.OutcomeListener;
import dev.customersync.core.sync.SyncAbortedException;
import dev.customersync.core.sync.SyncFailure;
import dev.customersync.core.sync.SyncJob;
import dev.customersync.core.sync.SyncOptions;
import dev.customersync.core.sync.SyncReport;
import dev.customersync.core.sync.SyncStateStore;
import dev.customersync.core.sync.VendorOutcome;
import java.io.PrintWriter;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;

/**
 * One run of {@code sync}, {@code plan} or {@code retry}: the rows through the sync engine, the
 * report and progress on the way, the summary at the end, and the exit code.
 */
final class SyncRun {

  /** What was written (or would be) first, then what needed nothing, then what went wrong. */
  private static final List<VendorOutcome.Status> SUMMARY_ORDER = List.of(VendorOutcome.Status.UPDATED,
      VendorOutcome.Status.CREATED, VendorOutcome.Status.WOULD_CHANGE, VendorOutcome.Status.WOULD_CREATE,
      VendorOutcome.Status.UNCHANGED, VendorOutcome.Status.SKIPPED, VendorOutcome.Status.FAILED,
      VendorOutcome.Status.CANCELLED);

  /** How long a signal waits for the updates in flight; their clients' timeouts bound them anyway. */
  private static final java.time.Duration STOP_WAIT = java.time.Duration.ofSeconds(60);

  /** Failures printed in the summary; the report has them all. */
  static final int FAILURES_PRINTED = 10;

  private final CliContext ctx;
  private final RunOptions options;
  private final boolean dryRun;
  private final String title;

  SyncRun(CliContext ctx, RunOptions options, boolean dryRun, String title) {
    this.ctx = ctx;
    this.options = options;
    this.dryRun = dryRun;
    this.title = title;
  }

  /**
   * Runs the rows against {@code vendors} and returns the exit code: 0 when every row was good and
   * every update succeeded, 1 otherwise.
   *
   * @param carriedBadRows bad rows that an earlier report holds, already written to {@code report}
   */
  int run(List<String> vendors, List<CustomerUpdater> updaters, Iterator<CustomerRow> rows, OptionalLong expectedRows,
      @Nullable ReportFile report, long carriedBadRows) {
    PrintWriter out = ctx.out();
    RowFeed feed = new RowFeed(rows, report, ctx.err(), options.strict);
    VendorTally tally = new VendorTally(vendors);
    ProgressPrinter progress = new ProgressPrinter(ctx.err(), ctx.terminal(), feed, tally);
    OutcomeListener listener = dryRun ? both(tally, this::printChanges) : tally;
    SyncOptions.Builder o = engineOptions(options, dryRun).outcomeListener(listener).listener(progress)
        .progressInterval(ctx.progressInterval()).clock(ctx.clock());
    expectedRows.ifPresent(o::expectedItems);
    if (report != null) {
      o.failureSink(report.failureSink());
    }
    CustomerSync.Builder sync = CustomerSync.builder().clock(ctx.clock());
    updaters.forEach(sync::updater);
    options.concurrency.forEach((vendor, n) -> {
      if (!vendors.contains(vendor)) {
        throw new UsageException("--concurrency " + vendor + "=" + n + ": " + vendor + " is not one of this run's vendors "
            + vendors);
      }
      if (n < 1) {
        throw new UsageException("--concurrency " + vendor + "=" + n + ": must be at least 1");
      }
      sync.concurrency(vendor, n);
    });
    out.println(title + (dryRun ? " (dry run: nothing is written)" : "") + " -> " + String.join(", ", vendors));
    out.flush();
    SyncStateStore state = options.state == null ? null : StateStores.open(options.state);
    SyncReport result;
    boolean aborted = false;
    try (CustomerSync engine = sync.build()) {
      if (state != null) {
        o.stateStore(state);
      }
      SyncJob job = engine.start(feed, o.build());
      Thread stop = new Thread(() -> stopOnSignal(job), "customer-sync-stop");
      if (ctx.ownsProcess()) {
        Runtime.getRuntime().addShutdownHook(stop);
      }
      try {
        result = job.join();
      } catch (CompletionException e) {
        if (!(e.getCause() instanceof SyncAbortedException abort)) {
          throw e;
        }
        aborted = true;
        result = abort.partialReport();
        progress.finish();
        ctx.err().println("the run stopped: " + abort.getMessage());
      } finally {
        if (ctx.ownsProcess()) {
          try {
            Runtime.getRuntime().removeShutdownHook(stop);
          } catch (IllegalStateException shuttingDown) {
            // The hook is running: it cancelled the job, whose report just completed.
          }
        }
      }
    } finally {
      if (state != null) {
        try {
          state.close();
        } catch (Exception ignored) {
          // The run is over; the store's own writes were each confirmed as they happened.
        }
      }
    }
    progress.finish();
    summary(result, feed, report, carriedBadRows);
    boolean clean = result.allSucceeded() && feed.badRows() == 0 && carriedBadRows == 0 && !aborted
        && feed.stoppedAt() == null;
    return clean ? 0 : 1;
  }

  /**
   * Ctrl-C or SIGTERM mid-run: stops reading, lets the updates in flight end and waits for them, so
   * the report holds every failed and cancelled update (retry picks those up) before the JVM exits.
   */
  private void stopOnSignal(SyncJob job) {
    if (job.report().isDone()) {
      return;
    }
    ctx.err().println();
    ctx.err().println("interrupted: stopping; updates in flight finish, queued ones are written to the report as cancelled");
    ctx.err().flush();
    job.cancel();
    try {
      job.report().get(STOP_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      // Timed out or failed: the JVM exits either way, with whatever the report holds.
    }
  }

  /** The engine's options that the command line sets directly. */
  static SyncOptions.Builder engineOptions(RunOptions options, boolean dryRun) {
    return SyncOptions.builder().dryRun(dryRun).createMissing(options.createMissing).fullResync(options.full);
  }

  private void printChanges(dev.customersync.core.sync.SyncItem item, VendorOutcome o) {
    if (o.status() != VendorOutcome.Status.WOULD_CHANGE && o.status() != VendorOutcome.Status.WOULD_CREATE) {
      return;
    }
    String id = o.status() == VendorOutcome.Status.WOULD_CREATE || o.customerId().isEmpty() ? "(new " + item.key() + ")"
        : o.customerId();
    PrintWriter out = ctx.out();
    synchronized (out) {
      o.changes().forEach(change -> out.println(o.vendor() + " " + id + " " + change));
      out.flush();
    }
  }

  private void summary(SyncReport r, RowFeed feed, @Nullable ReportFile report, long carriedBadRows) {
    PrintWriter out = ctx.out();
    out.println(String.format(Locale.ROOT, "%d rows read, %d bad, %d customers %s in %.1f s%s", feed.rowsRead(),
        feed.badRows(), r.itemsRead(), r.dryRun() ? "planned" : "processed", r.duration().toMillis() / 1000.0,
        r.dryRun() ? " (dry run: nothing was written)" : ""));
    r.counts().forEach((vendor, counts) -> out.println("  " + vendor + ": " + counts(counts)));
    int shown = 0;
    for (SyncFailure f : r.failures()) {
      if (++shown > FAILURES_PRINTED) {
        break;
      }
      VendorOutcome o = f.outcome();
      out.println("  FAILED " + f.key() + " at " + o.vendor() + (o.customerId().isEmpty() ? "" : " " + o.customerId()) + ": "
          + o.errorType().orElse(o.status().name()) + " " + o.errorIfFailed().map(Throwable::getMessage).orElse(""));
    }
    long more = r.failures().size() + r.failuresDropped() - FAILURES_PRINTED;
    if (more > 0) {
      out.println("  … and " + more + " more failures" + (report != null ? " (all in the report)" : ""));
    }
    if (feed.stoppedAt() != null) {
      out.println("stopped at the first bad row (--strict): " + feed.stoppedAt() + "; the rows after it were not read");
    }
    if (carriedBadRows > 0) {
      out.println(carriedBadRows + " bad rows from the earlier report are carried over: fix them in the source file");
    }
    if (report != null && report.linesWritten() > 0) {
      out.println("report: " + report.linesWritten() + " lines in " + report.path()
          + (r.failuresWritten() > 0 ? "; retry the failed updates with: customer-sync retry " + report.path() : ""));
    }
    out.flush();
  }

  private static String counts(Map<VendorOutcome.Status, Long> counts) {
    StringBuilder s = new StringBuilder();
    List<VendorOutcome.Status> order = new java.util.ArrayList<>(SUMMARY_ORDER);
    // A status added to the engine later still shows, after the known ones.
    for (VendorOutcome.Status status : VendorOutcome.Status.values()) {
      if (!order.contains(status)) {
        order.add(status);
      }
    }
    for (VendorOutcome.Status status : order) {
      long n = counts.getOrDefault(status, 0L);
      if (n > 0 || status == VendorOutcome.Status.FAILED) {
        if (s.length() > 0) {
          s.append(", ");
        }
        s.append(n).append(' ').append(status.name().toLowerCase(Locale.ROOT).replace('_', ' '));
      }
    }
    return s.toString();
  }

  private static OutcomeListener both(OutcomeListener a, OutcomeListener b) {
    return (item, outcome) -> {
      a.onOutcome(item, outcome);
      b.onOutcome(item, outcome);
    };
  }
}
