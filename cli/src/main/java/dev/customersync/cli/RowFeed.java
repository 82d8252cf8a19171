package dev.customersync.cli;

import dev.customersync.core.sync.SyncItem;
import java.io.PrintWriter;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Feeds the good rows of a file to the sync engine and takes the bad ones out: each is counted,
 * written to the report and (the first few) printed, and the rows after it go on, unless the run is
 * strict, where the first bad row ends the feed. Read by the engine's reading thread only; the
 * counts are read by the progress printer from another.
 */
final class RowFeed implements Iterator<SyncItem> {

  /** Bad rows printed to the error stream; the report has them all. */
  static final int BAD_ROWS_PRINTED = 20;

  private final Iterator<CustomerRow> rows;
  private final @Nullable ReportFile report;
  private final PrintWriter err;
  private final boolean strict;
  private final AtomicLong read = new AtomicLong();
  private final AtomicLong bad = new AtomicLong();
  private @Nullable SyncItem next;
  private @Nullable CustomerRow stoppedAt;

  RowFeed(Iterator<CustomerRow> rows, @Nullable ReportFile report, PrintWriter err, boolean strict) {
    this.rows = rows;
    this.report = report;
    this.err = err;
    this.strict = strict;
  }

  @Override
  public boolean hasNext() {
    while (next == null && stoppedAt == null && rows.hasNext()) {
      CustomerRow row = rows.next();
      read.incrementAndGet();
      if (row.isGood()) {
        next = row.itemOrThrow();
      } else {
        badRow(row);
      }
    }
    return next != null;
  }

  @Override
  public SyncItem next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    SyncItem item = next;
    next = null;
    return item;
  }

  long rowsRead() {
    return read.get();
  }

  long badRows() {
    return bad.get();
  }

  /** {@return the bad row a strict run stopped at, or null} */
  @Nullable CustomerRow stoppedAt() {
    return stoppedAt;
  }

  private void badRow(CustomerRow row) {
    long n = bad.incrementAndGet();
    if (report != null) {
      report.badRow(row);
    }
    if (strict) {
      stoppedAt = row;
      err.println("bad row, stopping (--strict): " + row);
    } else if (n <= BAD_ROWS_PRINTED) {
      err.println("bad row, skipped: " + row);
    } else if (n == BAD_ROWS_PRINTED + 1) {
      err.println("more bad rows: only counted here" + (report != null ? ", all in " + report.path() : ""));
    }
    err.flush();
  }
}
