package dev.customersync.core.sync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Where a bulk run's failures go: each one to the sink as it happens, and the first {@code
 * maxKept} into memory for the report. Everything past that is only counted, so a run where every
 * update fails needs no more memory than one where all succeed.
 *
 * <p>Once the sink has thrown it is never written again, and every later failure is kept in memory
 * whatever {@code maxKept} says: the run stops at the first sink failure, so that is at most the
 * updates in flight and queued, and no failure ends up in neither place.
 */
final class FailureLog {

  private final int maxKept;
  private final Writer sink;
  private final boolean ownsSink;
  // One writer at a time, so lines from concurrent workers never interleave.
  private final ReentrantLock sinkLock = new ReentrantLock();
  private final Runnable onSinkFailure;
  private final List<SyncFailure> kept = new ArrayList<>();
  private long dropped;
  private long written;
  private volatile Exception sinkError;

  private FailureLog(int maxKept, Writer sink, boolean ownsSink, Runnable onSinkFailure) {
    this.maxKept = maxKept;
    this.sink = sink;
    this.ownsSink = ownsSink;
    this.onSinkFailure = onSinkFailure;
  }

  /**
   * The log for {@code options}; opens the sink file when there is one.
   *
   * @param onSinkFailure runs once, on the thread whose failure the sink refused
   * @throws UncheckedIOException the sink file cannot be created
   */
  static FailureLog open(SyncOptions options, Runnable onSinkFailure) {
    if (options.failureSinkPath().isPresent()) {
      Path file = options.failureSinkPath().get();
      try {
        return new FailureLog(options.maxFailuresKept(), Files.newBufferedWriter(file, StandardCharsets.UTF_8), true,
            onSinkFailure);
      } catch (IOException e) {
        throw new UncheckedIOException("could not create the failure sink " + file, e);
      }
    }
    return new FailureLog(options.maxFailuresKept(), options.failureSinkWriter().orElse(null), false, onSinkFailure);
  }

  void record(SyncFailure failure) {
    boolean inSink = false;
    boolean sinkJustFailed = false;
    if (sink != null && sinkError == null) {
      String line = null;
      Exception unwritable = null;
      // Serialized outside the lock, so workers only queue for the write itself.
      try {
        line = SyncReport.jsonLine(failure);
      } catch (RuntimeException e) {
        unwritable = e;
      }
      sinkLock.lock();
      try {
        if (sinkError == null) {
          if (unwritable != null) {
            // A failure that cannot be serialized is one the sink would lose: as bad as a write error.
            throw unwritable;
          }
          sink.write(line);
          sink.write('\n');
          // Line by line: a crash or a kill loses no failure that already ended.
          sink.flush();
          written++;
          inSink = true;
        }
      } catch (Exception e) {
        sinkError = e;
        sinkJustFailed = true;
      } finally {
        sinkLock.unlock();
      }
    }
    synchronized (kept) {
      if (kept.size() < maxKept || (sink != null && !inSink)) {
        kept.add(failure);
      } else {
        dropped++;
      }
    }
    if (sinkJustFailed) {
      onSinkFailure.run();
    }
  }

  /** Flushes the sink, and closes it when the run opened it; a failure here is a sink failure. */
  void finish() {
    if (sink == null) {
      return;
    }
    sinkLock.lock();
    try {
      if (ownsSink) {
        sink.close();
      } else if (sinkError == null) {
        sink.flush();
      }
    } catch (IOException | RuntimeException e) {
      if (sinkError == null) {
        sinkError = e;
      }
    } finally {
      sinkLock.unlock();
    }
  }

  /** What the sink threw, or null. */
  Exception sinkError() {
    return sinkError;
  }

  List<SyncFailure> kept() {
    synchronized (kept) {
      return List.copyOf(kept);
    }
  }

  long dropped() {
    synchronized (kept) {
      return dropped;
    }
  }

  long written() {
    sinkLock.lock();
    try {
      return written;
    } finally {
      sinkLock.unlock();
    }
  }
}
