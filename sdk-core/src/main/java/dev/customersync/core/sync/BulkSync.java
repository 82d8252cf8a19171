package dev.customersync.core.sync;

import dev.customersync.core.CustomerSyncException;
import dev.customersync.core.CustomerUpdater;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * One bulk run. Each vendor has a lane: a bounded queue and as many worker threads as its
 * concurrency. A single reader thread takes customers from the source and puts one task per link
 * into the vendor's lane, blocking when the lane is full — that is the backpressure that keeps
 * memory flat whatever the source's size. Rate limits are the vendor clients' own: a worker simply
 * blocks in its client's limiter. Failures go to a {@link FailureLog}, which keeps a bounded number.
 *
 * <p>Per-customer order: a worker that takes a task for a customer id another worker of the lane
 * is running (exact string equality) does not run it but appends it to that id's waiting list; the
 * worker running the id runs its waiting tasks next, in the order they were queued. So tasks for
 * one (vendor, id) never overlap and run in source order, while every other task can go to any
 * free worker: one slow customer holds up only its own later rows. Waiting tasks count against the
 * lane's capacity, so a source full of one customer still cannot grow memory.
 *
 * <p>The report completes once every worker has seen its lane closed and empty. Nothing a caller's
 * code throws (updater, listeners, source or failure sink), Errors included, may keep a worker from
 * getting there: each task ends with an outcome whatever happens, and a worker never dies early.
 */
final class BulkSync implements SyncJob {

  // Who closes the lanes: the reader when the source ends, or cancel() while the reader waits
  // inside the source, which may never return.
  private static final int IN_SOURCE = 0;
  private static final int DISPATCHING = 1;
  private static final int LANES_CLOSED = 2;

  private final Map<String, VendorTarget> targets = new LinkedHashMap<>();
  private final Map<String, Lane> lanes = new LinkedHashMap<>();
  private final Iterator<SyncItem> source;
  private final SyncOptions options;
  private final Clock clock;
  private final CompletableFuture<SyncReport> report = new CompletableFuture<>();
  private final AtomicBoolean cancelled = new AtomicBoolean();
  private final AtomicInteger readerState = new AtomicInteger(IN_SOURCE);
  private final CountDownLatch workersDone;
  private final FailureLog failures;

  private final Instant startedAt;
  private final AtomicLong itemsRead = new AtomicLong();
  private final AtomicLong itemsCompleted = new AtomicLong();
  private final Map<String, Map<VendorOutcome.Status, AtomicLong>> counts = new LinkedHashMap<>();
  private final ReentrantLock progressLock = new ReentrantLock();
  private volatile Instant lastProgress;
  private volatile Throwable sourceFailure;
  private final AtomicReference<SyncStateException> stateFailure = new AtomicReference<>();
  private final DuplicateKeys duplicates = new DuplicateKeys();

  private final CustomerSync sync;

  BulkSync(CustomerSync sync, Map<String, CustomerUpdater> updaters, Map<String, Integer> concurrency, Iterator<SyncItem> source,
      SyncOptions options) {
    this.sync = sync;
    this.source = source;
    this.options = options;
    this.clock = options.clock();
    this.startedAt = clock.instant();
    this.lastProgress = startedAt;
    int workers = 0;
    for (String vendor : updaters.keySet()) {
      targets.put(vendor, new VendorTarget(updaters.get(vendor), options, clock, this::stateFailed, true));
      int n = concurrency.get(vendor);
      lanes.put(vendor, new Lane(vendor, n));
      workers += n;
      counts.put(vendor, newCounts());
    }
    this.workersDone = new CountDownLatch(workers);
    this.failures = FailureLog.open(options, this::cancel);
  }

  void start() {
    for (Lane lane : lanes.values()) {
      for (int i = 0; i < lane.workers; i++) {
        daemon("customer-sync-" + lane.vendor + "-" + i, () -> work(lane));
      }
    }
    daemon("customer-sync-reader", this::read);
    daemon("customer-sync-report", this::complete);
  }

  private static void daemon(String name, Runnable body) {
    Thread t = new Thread(body, name);
    t.setDaemon(true);
    t.start();
  }

  /** The first state failure stops the run: going on would sync without remembering. */
  private void stateFailed(SyncStateException e) {
    if (stateFailure.compareAndSet(null, e)) {
      cancel();
    }
  }

  @Override
  public CompletableFuture<SyncReport> report() {
    return report;
  }

  @Override
  public void cancel() {
    if (!cancelled.compareAndSet(false, true)) {
      return;
    }
    // Queued updates were never sent: they end now rather than after the updates in flight, which
    // may take as long as their clients' timeouts.
    for (Lane lane : lanes.values()) {
      lane.cancelQueued();
    }
    if (readerState.compareAndSet(IN_SOURCE, LANES_CLOSED)) {
      // The reader is inside the source and may stay there for good; it drops whatever it reads next.
      closeLanes();
    }
  }

  @Override
  public boolean isCancelled() {
    return cancelled.get();
  }

  @Override
  public SyncProgress progress() {
    Duration elapsed = Duration.between(startedAt, clock.instant());
    double seconds = Math.max(elapsed.toNanos() / 1e9, 1e-9);
    Map<String, Double> rates = new LinkedHashMap<>();
    long[] totals = new long[VendorOutcome.Status.values().length];
    synchronized (counts) {
      for (var e : counts.entrySet()) {
        long finished = 0;
        for (VendorOutcome.Status status : VendorOutcome.Status.values()) {
          long n = e.getValue().get(status).get();
          totals[status.ordinal()] += n;
          if (status != VendorOutcome.Status.CANCELLED) {
            finished += n;
          }
        }
        rates.put(e.getKey(), finished / seconds);
      }
    }
    long done = itemsCompleted.get();
    Optional<Duration> eta = Optional.empty();
    OptionalLong expected = options.expectedItems();
    if (expected.isPresent() && done > 0) {
      long remaining = Math.max(0, expected.getAsLong() - done);
      eta = Optional.of(Duration.ofNanos((long) (elapsed.toNanos() * (double) remaining / done)));
    }
    return new SyncProgress(itemsRead.get(), done, totals[VendorOutcome.Status.UPDATED.ordinal()],
        totals[VendorOutcome.Status.UNCHANGED.ordinal()], totals[VendorOutcome.Status.WOULD_CHANGE.ordinal()],
        totals[VendorOutcome.Status.FAILED.ordinal()], totals[VendorOutcome.Status.CANCELLED.ordinal()], elapsed, rates,
        eta, totals[VendorOutcome.Status.CREATED.ordinal()], totals[VendorOutcome.Status.SKIPPED.ordinal()],
        totals[VendorOutcome.Status.WOULD_CREATE.ordinal()]);
  }

  private void read() {
    Throwable failure = null;
    try {
      while (!cancelled.get() && source.hasNext()) {
        SyncItem item = source.next();
        if (!readerState.compareAndSet(IN_SOURCE, DISPATCHING)) {
          break; // cancelled while in the source, and the lanes are closed: this item was never read
        }
        itemsRead.incrementAndGet();
        dispatch(item);
        readerState.set(IN_SOURCE);
      }
    } catch (Throwable e) {
      // A source that throws, even an Error, ends the run; what was read still completes and is reported.
      failure = e;
    }
    if (readerState.getAndSet(LANES_CLOSED) != LANES_CLOSED) {
      // Before the lanes close: the report is built after the workers have seen the end, so it sees this.
      sourceFailure = failure;
      closeLanes();
    }
  }

  private void dispatch(SyncItem item) {
    ItemState state = new ItemState(item);
    if (item.links().isEmpty()) {
      itemsCompleted.incrementAndGet();
    }
    for (CustomerLink given : item.links()) {
      String vendor = sync.canonical(given.vendor());
      if (vendor == null) {
        finish(state, given, VendorOutcome.failed(given, new CustomerSyncException(sync.unknownVendor(given.vendor())),
            Duration.ZERO));
        continue;
      }
      CustomerLink link = vendor.equals(given.vendor()) ? given
          : new CustomerLink(vendor, given.customerId(), given.matchKey());
      Lane lane = lanes.get(vendor);
      String orderKey = targets.get(link.vendor()).orderKey(link, item.customerFor(link.vendor()));
      if (link.isByMatchKey() && orderKey != null) {
        // A repeated key is reported, and applied in order all the same: the lane runs tasks with
        // one key one after the other.
        duplicates.add(link.vendor(), orderKey, item.key());
      }
      if (cancelled.get() || !lane.put(new Task(state, link, orderKey))) {
        finish(state, link, VendorOutcome.cancelled(link));
      }
    }
  }

  private void closeLanes() {
    for (Lane lane : lanes.values()) {
      lane.close();
    }
  }

  private void complete() {
    try {
      awaitUninterruptibly(workersDone);
      targets.values().forEach(VendorTarget::close);
      failures.finish();
      publishProgress(true);
      SyncReport done = snapshot();
      Exception sinkError = failures.sinkError();
      Throwable source = sourceFailure;
      SyncStateException stateError = stateFailure.get();
      if (stateError != null) {
        SyncAbortedException aborted = new SyncAbortedException("the sync state store failed (" + stateError.getMessage()
            + "); the run was stopped so that it does not go on without remembering what it synced", stateError, done);
        if (source != null) {
          aborted.addSuppressed(source);
        }
        report.completeExceptionally(aborted);
      } else if (sinkError != null) {
        SyncAbortedException aborted = new SyncAbortedException("the failure sink could not be written (" + sinkError
            + ") after " + done.failuresWritten() + " lines; the run was stopped, and every failure the sink did not"
            + " take is in partialReport().failures()", sinkError, done);
        if (source != null) {
          aborted.addSuppressed(source);
        }
        report.completeExceptionally(aborted);
      } else if (source != null) {
        report.completeExceptionally(new SyncAbortedException(
            "the customer source failed after " + done.itemsRead() + " customers: " + source, source, done));
      } else {
        report.complete(done);
      }
    } catch (Throwable e) {
      // Even an Error while building the report must reach whoever waits for it.
      report.completeExceptionally(e);
    }
  }

  private SyncReport snapshot() {
    Map<String, Map<VendorOutcome.Status, Long>> snapshot = new LinkedHashMap<>();
    synchronized (counts) {
      counts.forEach((v, m) -> {
        Map<VendorOutcome.Status, Long> c = new EnumMap<>(VendorOutcome.Status.class);
        m.forEach((s, n) -> c.put(s, n.get()));
        snapshot.put(v, c);
      });
    }
    return new SyncReport(snapshot, failures.kept(), failures.dropped(), failures.written(), itemsRead.get(),
        cancelled.get(), Duration.between(startedAt, clock.instant()), options.dryRun(), duplicates.count(),
        duplicates.itemKeys());
  }

  private void work(Lane lane) {
    VendorTarget target = targets.get(lane.vendor);
    try {
      Task task = null;
      while ((task = lane.next(task)) != null) {
        try {
          VendorOutcome outcome = cancelled.get() ? VendorOutcome.cancelled(task.link)
              : target.run(task.link, task.state.item.customerFor(task.link.vendor()));
          finish(task.state, task.link, outcome);
        } catch (Throwable e) {
          // Recording the outcome failed (out of memory, say). finish() still ended the item; this
          // worker must live on, or the tasks behind it would never end and the report never complete.
        }
      }
    } finally {
      workersDone.countDown();
    }
  }

  private void finish(ItemState state, CustomerLink link, VendorOutcome outcome) {
    try {
      Map<VendorOutcome.Status, AtomicLong> c;
      synchronized (counts) {
        c = counts.computeIfAbsent(link.vendor(), v -> newCounts());
      }
      c.get(outcome.status()).incrementAndGet();
      if (!outcome.isSuccess()) {
        // Only failed and cancelled updates: an unchanged or would-change one has nothing to retry.
        failures.record(new SyncFailure(state.item.key(), state.item.customerFor(link.vendor()), outcome));
      }
      try {
        options.outcomeListener().onOutcome(state.item, outcome);
      } catch (Throwable listenerFailed) {
        // As with the progress listener: a failing outcome listener must not fail the sync or lose outcomes.
      }
    } finally {
      if (state.remaining.decrementAndGet() == 0) {
        itemsCompleted.incrementAndGet();
      }
    }
    publishProgress(false);
  }

  private void publishProgress(boolean last) {
    Instant now = clock.instant();
    if (!last && Duration.between(lastProgress, now).compareTo(options.progressInterval()) < 0) {
      return;
    }
    if (last) {
      progressLock.lock();
    } else if (!progressLock.tryLock()) {
      return;
    }
    try {
      lastProgress = now;
      options.listener().onProgress(progress());
    } catch (Throwable listenerFailed) {
      // A failing listener, even one throwing an Error, must not fail the sync or lose outcomes.
    } finally {
      progressLock.unlock();
    }
  }

  private static Map<VendorOutcome.Status, AtomicLong> newCounts() {
    Map<VendorOutcome.Status, AtomicLong> m = new EnumMap<>(VendorOutcome.Status.class);
    for (VendorOutcome.Status s : VendorOutcome.Status.values()) {
      m.put(s, new AtomicLong());
    }
    return m;
  }

  private static void awaitUninterruptibly(CountDownLatch latch) {
    boolean interrupted = false;
    while (true) {
      try {
        latch.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * A vendor's queue and its workers' bookkeeping, all under one lock: the queue in source order,
   * the ids being run with the tasks waiting behind each, and how many tasks are held (queued or
   * waiting) against the capacity.
   */
  private final class Lane {
    final String vendor;
    final int workers;
    final int capacity;
    final ReentrantLock lock = new ReentrantLock();
    final Condition notEmpty = lock.newCondition();
    final Condition notFull = lock.newCondition();
    final ArrayDeque<Task> queue;
    // Customer id being run by some worker -> the tasks for it taken since, in queue order.
    final Map<String, ArrayDeque<Task>> running = new HashMap<>();
    int held;
    boolean closed;

    Lane(String vendor, int workers) {
      this.vendor = vendor;
      this.workers = workers;
      // Twice the workers: work for each while the reader is busy in the source.
      this.capacity = workers * 2;
      this.queue = new ArrayDeque<>(capacity);
    }

    /** Blocks while the lane is full; false when the run was cancelled meanwhile. */
    boolean put(Task task) {
      boolean interrupted = false;
      lock.lock();
      try {
        while (held >= capacity && !cancelled.get()) {
          try {
            notFull.await();
          } catch (InterruptedException e) {
            interrupted = true;
            break;
          }
        }
        if (interrupted || cancelled.get()) {
          return false;
        }
        queue.add(task);
        held++;
        notEmpty.signal();
        return true;
      } finally {
        lock.unlock();
        if (interrupted) {
          // Outside the lock: cancel() takes every lane's lock in turn.
          Thread.currentThread().interrupt();
          cancel();
        }
      }
    }

    /**
     * The next task for a worker that has just run {@code finished} (null at first): the next task
     * waiting for the same customer if there is one, else the oldest queued task whose customer no
     * other worker is running. Null once the lane is closed and empty: the worker ends.
     */
    Task next(Task finished) {
      // An updater that left its thread interrupted must not end the worker, nor fail the next
      // update on this thread; nothing else interrupts these threads.
      Thread.interrupted();
      lock.lock();
      try {
        if (finished != null && finished.orderKey != null) {
          String id = finished.orderKey;
          ArrayDeque<Task> waiting = running.get(id);
          Task same = waiting == null ? null : waiting.poll();
          if (same != null) {
            taken();
            return same;
          }
          running.remove(id);
        }
        while (true) {
          Task task = queue.poll();
          if (task != null && task.orderKey == null) {
            // No key to order by (a match key the customer does not set): it fails on its own.
            taken();
            return task;
          }
          if (task != null) {
            String id = task.orderKey;
            ArrayDeque<Task> waiting = running.get(id);
            if (waiting != null) {
              // Another worker is running this customer: it runs this task after its current one.
              waiting.add(task);
              continue;
            }
            running.put(id, new ArrayDeque<>(2));
            taken();
            return task;
          }
          if (closed) {
            return null;
          }
          try {
            notEmpty.await();
          } catch (InterruptedException e) {
            // As above: the worker goes on waiting; await() has cleared the flag.
          }
        }
      } finally {
        lock.unlock();
      }
    }

    private void taken() {
      held--;
      notFull.signal();
    }

    /** Ends every queued and waiting task as cancelled, and wakes a reader waiting for room. */
    void cancelQueued() {
      List<Task> dropped = new ArrayList<>();
      lock.lock();
      try {
        dropped.addAll(queue);
        queue.clear();
        for (ArrayDeque<Task> waiting : running.values()) {
          dropped.addAll(waiting);
          waiting.clear();
        }
        held = 0;
        notFull.signalAll();
      } finally {
        lock.unlock();
      }
      // Outside the lock: finish() writes to the failure sink and calls the listeners.
      for (Task task : dropped) {
        try {
          finish(task.state, task.link, VendorOutcome.cancelled(task.link));
        } catch (Throwable e) {
          // As in work(): the item has ended; the other queued tasks must end too.
        }
      }
    }

    /** No more tasks: each worker ends once the queue is empty and its customer's waiting tasks are run. */
    void close() {
      lock.lock();
      try {
        closed = true;
        notEmpty.signalAll();
      } finally {
        lock.unlock();
      }
    }
  }

  private static final class ItemState {
    final SyncItem item;
    final AtomicInteger remaining;

    ItemState(SyncItem item) {
      this.item = item;
      this.remaining = new AtomicInteger(item.links().size());
    }
  }

  private record Task(ItemState state, CustomerLink link, @Nullable String orderKey) {}
}
