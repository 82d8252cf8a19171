package dev.customersync.cli;

import dev.customersync.core.sync.SyncListener;
import dev.customersync.core.sync.SyncProgress;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Prints a run's progress to the error stream, so the output stays clean for a pipe: rows read and
 * bad, customers done, each vendor's updates done and failed, the rate and, when the row count is
 * known, the ETA.
 * On a terminal it rewrites one line in place; otherwise (a cron log) it prints a full line each
 * time the engine reports, which {@link CliContext#progressInterval()} paces.
 */
final class ProgressPrinter implements SyncListener {

  private final PrintWriter err;
  private final boolean terminal;
  private final RowFeed feed;
  private final VendorTally tally;
  private int lastLength;

  ProgressPrinter(PrintWriter err, boolean terminal, RowFeed feed, VendorTally tally) {
    this.err = err;
    this.terminal = terminal;
    this.feed = feed;
    this.tally = tally;
  }

  @Override
  public synchronized void onProgress(SyncProgress p) {
    String line = line(p);
    if (terminal) {
      // Pad over the end of a longer previous line.
      err.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
      lastLength = line.length();
    } else {
      err.println("progress: " + line);
    }
    err.flush();
  }

  /** Ends the terminal's progress line, so what follows starts on a line of its own. */
  synchronized void finish() {
    if (terminal && lastLength > 0) {
      err.println();
      err.flush();
    }
  }

  String line(SyncProgress p) {
    double seconds = Math.max(p.elapsed().toMillis(), 1) / 1000.0;
    StringBuilder s = new StringBuilder();
    // The rate counts finished customers: the engine reads rows ahead of the updates, so rows read
    // per second would promise more than the vendors deliver.
    s.append("rows ").append(feed.rowsRead()).append(" read, ").append(feed.badRows()).append(" bad, ")
        .append(p.itemsCompleted()).append(" customers done | ").append(tally.line()).append(" | ")
        .append(String.format(Locale.ROOT, "%.1f customers/s", p.itemsCompleted() / seconds));
    p.eta().ifPresent(d -> s.append(" | ETA ").append(d.toMinutes()).append('m').append(d.toSecondsPart()).append('s'));
    return s.toString();
  }
}
