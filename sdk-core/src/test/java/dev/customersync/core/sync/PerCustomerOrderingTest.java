package dev.customersync.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customersync.core.Customer;
import dev.customersync.core.CustomerUpdater;
import dev.customersync.core.UpdateResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Within one sync, updates of the same (vendor, customer id) never run at the same time and run in
 * source order, so two rows or two links for one customer cannot overwrite each other; updates of
 * different customers still run concurrently.
 */
class PerCustomerOrderingTest {

  // Generous: a healthy run here takes milliseconds; the bound only turns a hang into a failure.
  private static final Duration PATIENCE = Duration.ofSeconds(20);

  /**
   * Records, per customer id, which rows were applied in which order (the row number travels in
   * the customer's first name) and whether two updates of one id were ever in flight at once.
   */
  static final class RecordingUpdater implements CustomerUpdater {
    final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    final Map<String, List<Integer>> applied = new ConcurrentHashMap<>();
    final AtomicInteger overlaps = new AtomicInteger();
    final AtomicInteger calls = new AtomicInteger();
    volatile BiConsumer<String, Integer> during = (id, row) -> {};

    @Override
    public String vendor() {
      return "storm";
    }

    @Override
    public UpdateResult update(String customerId, Customer customer) {
      calls.incrementAndGet();
      int row = row(customer);
      AtomicInteger n = inFlight.computeIfAbsent(customerId, k -> new AtomicInteger());
      if (n.incrementAndGet() > 1) {
        overlaps.incrementAndGet();
      }
      try {
        during.accept(customerId, row);
        applied.computeIfAbsent(customerId, k -> Collections.synchronizedList(new ArrayList<>())).add(row);
        return UpdateResult.builder().vendor("storm").customerId(customerId).customer(customer).attempts(1)
            .vendorResponse(customer).build();
      } finally {
        n.decrementAndGet();
      }
    }
  }

  private static int row(Customer c) {
    return Integer.parseInt(c.firstName().orElseThrow().substring("Row".length()));
  }

  private static SyncItem row(int row, String stormId) {
    return SyncItem.of("row-" + row, Customer.builder().firstName("Row" + row).build(), CustomerLink.of("storm", stormId));
  }

  @Test
  void rowsForOneCustomerNeverOverlapAndApplyInSourceOrderWhileOtherCustomersRunPastThem() {
    RecordingUpdater storm = new RecordingUpdater();
    // Row 1 holds customer 42 until the twenty rows after row 2 have all been applied. Those rows
    // are queued behind row 2, so some worker took row 2 before them: were it free to run it,
    // row 2 would now overlap row 1, and finish first.
    CountDownLatch othersApplied = new CountDownLatch(20);
    storm.during = (id, row) -> {
      if (row == 1) {
        await(othersApplied);
      } else if (!id.equals("42")) {
        othersApplied.countDown();
      }
    };
    List<SyncItem> items = new ArrayList<>(List.of(row(1, "42"), row(2, "42")));
    IntStream.rangeClosed(3, 22).forEach(i -> items.add(row(i, String.valueOf(1000 + i))));
    try (CustomerSync sync = CustomerSync.builder().updater(storm).concurrency("storm", 8).build()) {
      SyncReport report = sync.syncAll(items.stream());

      assertThat(report.count("storm", VendorOutcome.Status.UPDATED)).isEqualTo(22);
      assertThat(storm.overlaps).hasValue(0);
      assertThat(storm.applied.get("42")).containsExactly(1, 2);
    }
  }

  @Test
  void thousandsOfRowsForAFewCustomersAtConcurrencyEightKeepEachCustomersSourceOrder() {
    RecordingUpdater storm = new RecordingUpdater();
    // Every third row goes to one of three hot customers, the rest to customers seen once.
    List<SyncItem> items = IntStream.rangeClosed(1, 3_000)
        .mapToObj(i -> row(i, i % 3 == 0 ? "hot-" + (i / 3) % 3 : "cold-" + i)).toList();
    try (CustomerSync sync = CustomerSync.builder().updater(storm).concurrency("storm", 8).build()) {
      SyncReport report = sync.syncAll(items.stream());

      assertThat(report.count("storm", VendorOutcome.Status.UPDATED)).isEqualTo(3_000);
      assertThat(storm.overlaps).hasValue(0);
      int hotRows = 0;
      for (String hot : List.of("hot-0", "hot-1", "hot-2")) {
        assertThat(storm.applied.get(hot)).isSorted();
        hotRows += storm.applied.get(hot).size();
      }
      assertThat(hotRows).isEqualTo(1_000);
    }
  }

  @Test
  void differentCustomersStillRunConcurrently() {
    RecordingUpdater storm = new RecordingUpdater();
    // Each update waits for the other: both end only if two run at once.
    CountDownLatch bothStarted = new CountDownLatch(2);
    storm.during = (id, row) -> {
      bothStarted.countDown();
      await(bothStarted);
    };
    try (CustomerSync sync = CustomerSync.builder().updater(storm).concurrency("storm", 8).build()) {
      SyncJob job = sync.start(List.of(row(1, "1"), row(2, "2")).iterator(), SyncOptions.defaults());

      assertThat(job.report()).succeedsWithin(PATIENCE);
      assertThat(job.join().count("storm", VendorOutcome.Status.UPDATED)).isEqualTo(2);
    }
  }

  @Test
  void twoLinksToTheSameCustomerInOneItemNeverOverlap() {
    RecordingUpdater storm = new RecordingUpdater();
    CountDownLatch otherCustomerApplied = new CountDownLatch(1);
    AtomicInteger callsFor7 = new AtomicInteger();
    storm.during = (id, row) -> {
      if (id.equals("7") && callsFor7.incrementAndGet() == 1) {
        // The item's third link, to another customer, is queued after the second link to 7.
        await(otherCustomerApplied);
      } else if (!id.equals("7")) {
        otherCustomerApplied.countDown();
      }
    };
    SyncItem item = new SyncItem("one", Customer.builder().firstName("Row1").build(),
        List.of(CustomerLink.of("storm", "7"), CustomerLink.of("storm", "7"), CustomerLink.of("storm", "8")));
    try (CustomerSync sync = CustomerSync.builder().updater(storm).concurrency("storm", 4).build()) {
      SyncReport report = sync.syncAll(Stream.of(item));

      assertThat(report.count("storm", VendorOutcome.Status.UPDATED)).isEqualTo(3);
      assertThat(storm.overlaps).hasValue(0);
      assertThat(storm.applied.get("7")).hasSize(2);
    }
  }

  @Test
  void idsAreComparedExactlySoDifferentSpellingsOfOneIdAreDifferentCustomers() {
    RecordingUpdater storm = new RecordingUpdater();
    // "42" and "042" may be one customer at the vendor, but the sync keeps ids as given: they run
    // concurrently, which the latch proves by needing both at once.
    CountDownLatch bothStarted = new CountDownLatch(2);
    storm.during = (id, row) -> {
      bothStarted.countDown();
      await(bothStarted);
    };
    try (CustomerSync sync = CustomerSync.builder().updater(storm).concurrency("storm", 2).build()) {
      SyncJob job = sync.start(List.of(row(1, "42"), row(2, "042")).iterator(), SyncOptions.defaults());

      assertThat(job.report()).succeedsWithin(PATIENCE);
      assertThat(job.join().count("storm", VendorOutcome.Status.UPDATED)).isEqualTo(2);
    }
  }

  @Test
  void aSourceOfOneCustomerStillStopsReadingWhenTheLaneIsFullAndCancelEndsTheWaitingRowsAtOnce() {
    RecordingUpdater storm = new RecordingUpdater();
    CountDownLatch gate = new CountDownLatch(1);
    AtomicInteger firstRowRunning = new AtomicInteger();
    storm.during = (id, row) -> {
      firstRowRunning.incrementAndGet();
      await(gate);
    };
    AtomicLong read = new AtomicLong();
    Iterator<SyncItem> endless = Stream.iterate(1, i -> i + 1).peek(i -> read.incrementAndGet())
        .map(i -> row(i, "42")).iterator();
    try (CustomerSync sync = CustomerSync.builder().updater(storm).concurrency("storm", 2).build()) {
      SyncJob job = sync.start(endless, SyncOptions.defaults());
      // Row 1 runs; rows 2-5 wait behind it (the lane holds twice the concurrency, waiting rows
      // included); the reader holds row 6 and waits for room.
      spinUntil(() -> firstRowRunning.get() == 1 && read.get() == 6);

      job.cancel();

      // The four waiting rows were never sent: they end now, not after row 1 returns. (Row 6 ends
      // when the reader wakes.)
      assertThat(job.progress().cancelled()).isGreaterThanOrEqualTo(4);
      assertThat(job.report()).isNotDone();
      gate.countDown();
      assertThat(job.report()).succeedsWithin(PATIENCE);
      SyncReport report = job.join();
      assertThat(report.itemsRead()).isEqualTo(6);
      assertThat(report.count("storm", VendorOutcome.Status.UPDATED)).isEqualTo(1);
      assertThat(report.count("storm", VendorOutcome.Status.CANCELLED)).isEqualTo(5);
      assertThat(storm.calls).hasValue(1);
    }
  }

  @Test
  void syncWithTwoLinksToTheSameCustomerRunsThemOneAfterTheOtherInLinkOrder() throws Exception {
    RecordingUpdater storm = new RecordingUpdater();
    CountDownLatch firstRunning = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger callsFor7 = new AtomicInteger();
    storm.during = (id, row) -> {
      if (id.equals("7") && callsFor7.incrementAndGet() == 1) {
        firstRunning.countDown();
        await(release);
      }
    };
    AtomicInteger submitted = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try (CustomerSync sync = CustomerSync.builder().updater(storm).executor(task -> {
      submitted.incrementAndGet();
      pool.execute(task);
    }).build()) {
      CompletableFuture<SyncOutcome> future = sync.syncAsync(
          List.of(CustomerLink.of("storm", "7"), CustomerLink.of("storm", "8"), CustomerLink.of("storm", "7")),
          Customer.builder().firstName("Row1").build());
      await(firstRunning);

      // The first call for 7 is running: the second one has not even been handed to the executor.
      assertThat(submitted).hasValue(2);
      release.countDown();
      SyncOutcome outcome = future.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);

      assertThat(submitted).hasValue(3);
      assertThat(storm.overlaps).hasValue(0);
      assertThat(outcome.outcomes()).extracting(VendorOutcome::customerId).containsExactly("7", "8", "7");
      assertThat(outcome.allSucceeded()).isTrue();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aPlanWithTwoLinksToTheSameCustomerRunsThemOneAfterTheOtherToo() throws Exception {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger overlaps = new AtomicInteger();
    AtomicInteger submitted = new AtomicInteger();
    CountDownLatch firstRunning = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger plans = new AtomicInteger();
    CustomerUpdater storm = new CustomerUpdater() {
      @Override
      public String vendor() {
        return "storm";
      }

      @Override
      public UpdateResult update(String customerId, Customer customer) {
        throw new AssertionError("a plan must never update");
      }

      @Override
      public dev.customersync.core.UpdatePlan plan(String customerId, Customer customer) {
        if (inFlight.incrementAndGet() > 1) {
          overlaps.incrementAndGet();
        }
        try {
          if (plans.incrementAndGet() == 1) {
            firstRunning.countDown();
            await(release);
          }
          return dev.customersync.core.UpdatePlan.builder().vendor("storm").customerId(customerId).attempts(1).build();
        } finally {
          inFlight.decrementAndGet();
        }
      }
    };
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try (CustomerSync sync = CustomerSync.builder().updater(storm).executor(task -> {
      submitted.incrementAndGet();
      pool.execute(task);
    }).build()) {
      CompletableFuture<SyncOutcome> future = sync.planAsync(
          List.of(CustomerLink.of("storm", "7"), CustomerLink.of("storm", "7")), Customer.builder().firstName("A").build());
      await(firstRunning);

      assertThat(submitted).hasValue(1);
      release.countDown();
      SyncOutcome outcome = future.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);

      assertThat(overlaps).hasValue(0);
      assertThat(outcome.outcomes()).extracting(VendorOutcome::status)
          .containsExactly(VendorOutcome.Status.UNCHANGED, VendorOutcome.Status.UNCHANGED);
    } finally {
      pool.shutdownNow();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
        throw new AssertionError("latch not released within " + PATIENCE);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static void spinUntil(java.util.function.BooleanSupplier condition) {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not reached within " + PATIENCE);
      }
      Thread.onSpinWait();
    }
  }
}
