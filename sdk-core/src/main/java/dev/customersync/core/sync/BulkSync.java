package dev.customersync.core.sync;

import dev.customersync.core.CustomerSyncException;
import dev.customersync.core.CustomerUpdater;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One bulk run. Each vendor has a lane: a bounded queue and as many worker threads as its
 * concurrency. A single reader thread takes customers from the source and puts one task per link
 * into the vendor's lane, blocking when the lane is full — that is the backpressure that keeps
 * memory flat whatever the source's size. Rate limits are the vendor clients' own: a worker simply
 * blocks in its client's limiter.
 */
final class BulkSync implements SyncJob {

  private static final Task POISON = new Task(null, null);

  private final Map<String, CustomerUpdater> updaters;
  private final Map<String, Lane> lanes = new LinkedHashMap<>();
  private final Iterator<SyncItem> source;
  private final SyncOptions options;
  private final Clock clock;
  private final CompletableFuture<SyncReport> report = new CompletableFuture<>();
  private final AtomicBoolean cancelled = new AtomicBoolean();
  private final CountDownLatch workersDone;

  private final Instant startedAt;
  private final AtomicLong itemsRead = new AtomicLong();
  private final AtomicLong itemsCompleted = new AtomicLong();
  private final Map<String, Map<VendorOutcome.Status, AtomicLong>> counts = new LinkedHashMap<>();
  private final List<SyncFailure> failures = new ArrayList<>();
  private final ReentrantLock progressLock = new ReentrantLock();
  private volatile Instant lastProgress;
  private volatile Thread reader;
  private volatile RuntimeException sourceFailure;

  BulkSync(Map<String, CustomerUpdater> updaters, Map<String, Integer> concurrency, Iterator<SyncItem> source,
      SyncOptions options) {
    this.updaters = updaters;
    this.source = source;
    this.options = options;
    this.clock = options.clock();
    this.startedAt = clock.instant();
    this.lastProgress = startedAt;
    int workers = 0;
    for (String vendor : updaters.keySet()) {
      int n = concurrency.get(vendor);
      lanes.put(vendor, new Lane(vendor, n));
      workers += n;
      counts.put(vendor, newCounts());
    }
    this.workersDone = new CountDownLatch(workers);
  }

  void start() {
    for (Lane lane : lanes.values()) {
      for (int i = 0; i < lane.workers; i++) {
        Thread t = new Thread(() -> work(lane), "customer-sync-" + lane.vendor + "-" + i);
        t.setDaemon(true);
        t.start();
      }
    }
    reader = new Thread(this::read, "customer-sync-reader");
    reader.setDaemon(true);
    reader.start();
  }

  @Override
  public CompletableFuture<SyncReport> report() {
    return report;
  }

  @Override
  public void cancel() {
    cancelled.set(true);
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
    long updated = 0;
    long failed = 0;
    long skipped = 0;
    synchronized (counts) {
      for (var e : counts.entrySet()) {
        long u = e.getValue().get(VendorOutcome.Status.UPDATED).get();
        long f = e.getValue().get(VendorOutcome.Status.FAILED).get();
        updated += u;
        failed += f;
        skipped += e.getValue().get(VendorOutcome.Status.CANCELLED).get();
        rates.put(e.getKey(), (u + f) / seconds);
      }
    }
    long done = itemsCompleted.get();
    Optional<Duration> eta = Optional.empty();
    OptionalLong expected = options.expectedItems();
    if (expected.isPresent() && done > 0) {
      long remaining = Math.max(0, expected.getAsLong() - done);
      eta = Optional.of(Duration.ofNanos((long) (elapsed.toNanos() * (double) remaining / done)));
    }
    return new SyncProgress(itemsRead.get(), done, updated, failed, skipped, elapsed, rates, eta);
  }

  private void read() {
    try {
      while (!cancelled.get() && source.hasNext()) {
        SyncItem item = source.next();
        itemsRead.incrementAndGet();
        ItemState state = new ItemState(item);
        if (item.links().isEmpty()) {
          itemsCompleted.incrementAndGet();
        }
        for (CustomerLink link : item.links()) {
          Lane lane = lanes.get(link.vendor());
          if (lane == null) {
            finish(state, link, VendorOutcome.failed(link,
                new CustomerSyncException("no updater is registered for vendor \"" + link.vendor() + "\""), Duration.ZERO));
          } else if (cancelled.get() || !lane.put(new Task(state, link))) {
            finish(state, link, VendorOutcome.cancelled(link));
          }
        }
      }
    } catch (RuntimeException e) {
      // A source that throws ends the run; what was read still completes and is reported.
      sourceFailure = e;
    } finally {
      for (Lane lane : lanes.values()) {
        for (int i = 0; i < lane.workers; i++) {
          lane.putPoison();
        }
      }
      new Thread(this::complete, "customer-sync-report").start();
    }
  }

  private void complete() {
    try {
      workersDone.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    publishProgress(true);
    Map<String, Map<VendorOutcome.Status, Long>> snapshot = new LinkedHashMap<>();
    synchronized (counts) {
      counts.forEach((v, m) -> {
        Map<VendorOutcome.Status, Long> c = new EnumMap<>(VendorOutcome.Status.class);
        m.forEach((s, n) -> c.put(s, n.get()));
        snapshot.put(v, c);
      });
    }
    List<SyncFailure> failed;
    synchronized (failures) {
      failed = List.copyOf(failures);
    }
    SyncReport done = new SyncReport(snapshot, failed, itemsRead.get(), cancelled.get(),
        Duration.between(startedAt, clock.instant()));
    if (sourceFailure != null) {
      report.completeExceptionally(new SyncAbortedException(
          "the customer source failed after " + itemsRead.get() + " customers: " + sourceFailure.getMessage(),
          sourceFailure, done));
    } else {
      report.complete(done);
    }
  }

  private void work(Lane lane) {
    try {
      while (true) {
        Task task;
        try {
          task = lane.queue.take();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        if (task == POISON) {
          return;
        }
        if (cancelled.get()) {
          finish(task.state, task.link, VendorOutcome.cancelled(task.link));
          continue;
        }
        finish(task.state, task.link, CustomerSync.updateOne(updaters.get(lane.vendor), task.link,
            task.state.item.customer(), clock));
      }
    } finally {
      workersDone.countDown();
    }
  }

  private void finish(ItemState state, CustomerLink link, VendorOutcome outcome) {
    Map<VendorOutcome.Status, AtomicLong> c;
    synchronized (counts) {
      c = counts.computeIfAbsent(link.vendor(), v -> newCounts());
    }
    c.get(outcome.status()).incrementAndGet();
    if (!outcome.isUpdated()) {
      synchronized (failures) {
        failures.add(new SyncFailure(state.item.key(), state.item.customer(), outcome));
      }
    }
    if (state.remaining.decrementAndGet() == 0) {
      itemsCompleted.incrementAndGet();
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
    } catch (RuntimeException listenerFailed) {
      // A failing listener must not fail the sync or lose outcomes.
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

  private final class Lane {
    final String vendor;
    final int workers;
    final BlockingQueue<Task> queue;

    Lane(String vendor, int workers) {
      this.vendor = vendor;
      this.workers = workers;
      this.queue = new ArrayBlockingQueue<>(workers * 2);
    }

    /** Blocks while the lane is full; false when the run was cancelled meanwhile. */
    boolean put(Task task) {
      try {
        while (!queue.offer(task, 50, TimeUnit.MILLISECONDS)) {
          if (cancelled.get()) {
            return false;
          }
        }
        return true;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        cancelled.set(true);
        return false;
      }
    }

    void putPoison() {
      boolean interrupted = false;
      while (true) {
        try {
          queue.put(POISON);
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
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

  private record Task(ItemState state, CustomerLink link) {}
}
