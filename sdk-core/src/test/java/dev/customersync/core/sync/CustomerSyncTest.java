package dev.customersync.core.sync;

import static dev.customersync.core.sync.BulkSyncRobustnessTest.customer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.customersync.core.Customer;
import dev.customersync.core.CustomerUpdater;
import dev.customersync.core.UpdateResult;
import dev.customersync.core.VendorApiException;
import dev.customersync.core.VendorServerException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CustomerSyncTest {

  /** An in-memory vendor: stores what it is sent, or fails as told. */
  static final class StubUpdater implements CustomerUpdater {
    final String vendor;
    final Map<String, Customer> store = new ConcurrentHashMap<>();
    final AtomicInteger calls = new AtomicInteger();
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();
    volatile BiFunction<String, Customer, RuntimeException> failWith = (id, c) -> null;
    volatile CountDownLatch gate;

    StubUpdater(String vendor) {
      this.vendor = vendor;
    }

    @Override
    public String vendor() {
      return vendor;
    }

    @Override
    public UpdateResult update(String customerId, Customer customer) {
      calls.incrementAndGet();
      maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      try {
        if (gate != null) {
          gate.await(10, TimeUnit.SECONDS);
        }
        RuntimeException e = failWith.apply(customerId, customer);
        if (e != null) {
          throw e;
        }
        store.put(customerId, customer);
        return UpdateResult.builder().vendor(vendor).customerId(customerId).customer(customer).attempts(1)
            .vendorResponse(customer).build();
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      } finally {
        inFlight.decrementAndGet();
      }
    }
  }

  private static VendorApiException serverError(String vendor) {
    return VendorApiException.builder().vendor(vendor).statusCode(503).errorCode("Unavailable").message("down for maintenance")
        .attempts(3).build();
  }

  @Test
  void oneVendorFailingNeverStopsTheOthers() {
    StubUpdater a = new StubUpdater("a");
    StubUpdater b = new StubUpdater("b");
    StubUpdater c = new StubUpdater("c");
    b.failWith = (id, cust) -> serverError("b");
    try (CustomerSync sync = CustomerSync.builder().updater(a).updater(b).updater(c).build()) {

      SyncOutcome outcome = sync.sync(List.of(CustomerLink.of("a", "1"), CustomerLink.of("b", "2"), CustomerLink.of("c", "3")),
          customer(1));

      assertThat(outcome.allSucceeded()).isFalse();
      assertThat(outcome.outcomes()).extracting(VendorOutcome::status)
          .containsExactly(VendorOutcome.Status.UPDATED, VendorOutcome.Status.FAILED, VendorOutcome.Status.UPDATED);
      VendorOutcome failed = outcome.forVendor("b").orElseThrow();
      assertThat(failed.errorType()).contains("VendorServerException");
      assertThat(failed.errorCode()).contains("Unavailable");
      assertThat(failed.statusCode()).contains(503);
      assertThat(failed.attempts()).isEqualTo(3);
      assertThat(failed.error().getMessage()).contains("down for maintenance");
      assertThat(a.store).containsKey("1");
      assertThat(c.store).containsKey("3");
    }
  }

  @Test
  void updatesEveryLinkedVendorConcurrently() throws Exception {
    StubUpdater a = new StubUpdater("a");
    StubUpdater b = new StubUpdater("b");
    CountDownLatch gate = new CountDownLatch(1);
    a.gate = gate;
    b.gate = gate;
    try (CustomerSync sync = CustomerSync.builder().updater(a).updater(b).build()) {
      var future = sync.syncAsync(List.of(CustomerLink.of("a", "1"), CustomerLink.of("b", "1")), customer(1));
      // Both calls are in flight at once before either may finish.
      while (a.inFlight.get() + b.inFlight.get() < 2) {
        Thread.onSpinWait();
      }
      gate.countDown();
      assertThat(future.get(10, TimeUnit.SECONDS).allSucceeded()).isTrue();
    }
  }

  @Test
  void unknownVendorIsAFailureNotAnException() {
    try (CustomerSync sync = CustomerSync.builder().updater(new StubUpdater("a")).build()) {
      SyncOutcome outcome = sync.sync(List.of(CustomerLink.of("nope", "1")), customer(1));

      assertThat(outcome.failures()).singleElement()
          .satisfies(o -> assertThat(o.error().getMessage()).contains("no updater is registered for vendor \"nope\""));
    }
  }

  @Test
  void anUnexpectedUpdaterBugIsReportedAsAFailure() {
    StubUpdater a = new StubUpdater("a");
    a.failWith = (id, c) -> new NullPointerException("bug");
    try (CustomerSync sync = CustomerSync.builder().updater(a).build()) {
      VendorOutcome o = sync.sync(List.of(CustomerLink.of("a", "1")), customer(1)).outcomes().get(0);

      assertThat(o.status()).isEqualTo(VendorOutcome.Status.FAILED);
      assertThat(o.error()).hasCauseInstanceOf(NullPointerException.class);
    }
  }

  @Test
  void bulkSyncOfTenThousandCountsEveryOutcomeExactlyAndKeepsEveryFailure() {
    StubUpdater a = new StubUpdater("a");
    StubUpdater b = new StubUpdater("b");
    b.failWith = (id, c) -> Integer.parseInt(id) % 100 == 0 ? serverError("b") : null;
    List<SyncProgress> progress = new ArrayList<>();
    try (CustomerSync sync = CustomerSync.builder().updater(a).updater(b).concurrency("a", 8).concurrency("b", 3).build()) {

      SyncReport report = sync.syncAll(items(10_000, "a", "b"),
          SyncOptions.builder().listener(progress::add).expectedItems(10_000).build());

      assertThat(report.itemsRead()).isEqualTo(10_000);
      assertThat(report.count("a", VendorOutcome.Status.UPDATED)).isEqualTo(10_000);
      assertThat(report.count("b", VendorOutcome.Status.UPDATED)).isEqualTo(9_900);
      assertThat(report.count("b", VendorOutcome.Status.FAILED)).isEqualTo(100);
      assertThat(report.failures()).hasSize(100).allSatisfy(f -> {
        assertThat(f.outcome().vendor()).isEqualTo("b");
        assertThat(Integer.parseInt(f.outcome().customerId()) % 100).isZero();
        assertThat(f.customer().firstName()).contains("First" + f.outcome().customerId());
      });
      assertThat(a.store).hasSize(10_000);
      assertThat(a.calls).hasValue(10_000);
      assertThat(a.maxInFlight.get()).isLessThanOrEqualTo(8);
      assertThat(b.maxInFlight.get()).isLessThanOrEqualTo(3);
      SyncProgress last = progress.get(progress.size() - 1);
      assertThat(last.itemsCompleted()).isEqualTo(10_000);
      assertThat(last.updated()).isEqualTo(19_900);
      assertThat(last.failed()).isEqualTo(100);
      assertThat(last.ratePerVendor()).containsKeys("a", "b");
    }
  }

  @Test
  void backpressureKeepsTheReaderCloseBehindTheWorkers() throws Exception {
    StubUpdater a = new StubUpdater("a");
    CountDownLatch gate = new CountDownLatch(1);
    a.gate = gate;
    AtomicLong read = new AtomicLong();
    Iterator<SyncItem> endless = Stream.iterate(0, i -> i + 1)
        .peek(i -> read.incrementAndGet())
        .map(i -> SyncItem.of("k" + i, customer(i), CustomerLink.of("a", String.valueOf(i))))
        .iterator();
    try (CustomerSync sync = CustomerSync.builder().updater(a).concurrency("a", 2).build()) {
      SyncJob job = sync.start(endless, SyncOptions.defaults());
      while (a.inFlight.get() < 2) {
        Thread.onSpinWait();
      }
      // 2 in flight, 4 queued (twice the concurrency), 1 held by the blocked reader: nothing more is read.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (read.get() < 7 && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      assertThat(read.get()).isEqualTo(7);
      job.cancel();
      gate.countDown();
      SyncReport report = job.join();

      assertThat(report.cancelled()).isTrue();
      assertThat(report.count("a", VendorOutcome.Status.UPDATED)).isEqualTo(2);
      assertThat(report.count("a", VendorOutcome.Status.CANCELLED)).isEqualTo(5);
    }
  }

  @Test
  void cancellationFinishesInFlightCallsAndReportsNothingUnsentAsDone() throws Exception {
    StubUpdater a = new StubUpdater("a");
    CountDownLatch gate = new CountDownLatch(1);
    a.gate = gate;
    try (CustomerSync sync = CustomerSync.builder().updater(a).concurrency("a", 3).build()) {
      SyncJob job = sync.start(items(1_000, "a").iterator(), SyncOptions.defaults());
      while (a.inFlight.get() < 3) {
        Thread.onSpinWait();
      }
      job.cancel();
      gate.countDown();
      SyncReport report = job.join();

      long updated = report.count("a", VendorOutcome.Status.UPDATED);
      long cancelled = report.count("a", VendorOutcome.Status.CANCELLED);
      assertThat(report.cancelled()).isTrue();
      assertThat(updated).isEqualTo(a.store.size()).isEqualTo(a.calls.get());
      assertThat(updated + cancelled).isEqualTo(report.itemsRead());
      assertThat(report.itemsRead()).isLessThan(1_000);
      assertThat(report.failures()).hasSize((int) cancelled)
          .allSatisfy(f -> assertThat(a.store).doesNotContainKey(f.outcome().customerId()));
    }
  }

  @Test
  void aReportWrittenAsJsonLinesRetriesExactlyTheFailures() {
    StubUpdater a = new StubUpdater("a");
    StubUpdater b = new StubUpdater("b");
    b.failWith = (id, c) -> Integer.parseInt(id) % 10 == 3 ? serverError("b") : null;
    try (CustomerSync sync = CustomerSync.builder().updater(a).updater(b).build()) {
      SyncReport first = sync.syncAll(items(100, "a", "b"));
      StringWriter out = new StringWriter();
      first.writeJsonLines(out);

      List<SyncItem> retry = SyncReport.readRetryItems(new StringReader(out.toString()));
      assertThat(retry).hasSize(10).allSatisfy(item -> {
        assertThat(item.links()).singleElement().extracting(CustomerLink::vendor).isEqualTo("b");
        assertThat(item.customer().email()).contains("c" + item.links().get(0).customerId() + "@example.com");
      });
      assertThat(out.toString().lines().findFirst().orElseThrow())
          .contains("\"vendor\":\"b\"", "\"status\":\"FAILED\"", "\"errorType\":\"VendorServerException\"",
              "\"httpStatus\":503", "\"errorCode\":\"Unavailable\"", "\"attempts\":3", "down for maintenance");

      int aCallsBefore = a.calls.get();
      b.failWith = (id, c) -> null;
      SyncReport second = sync.syncAll(retry.stream());

      assertThat(second.allSucceeded()).isTrue();
      assertThat(second.count("b", VendorOutcome.Status.UPDATED)).isEqualTo(10);
      assertThat(a.calls.get()).isEqualTo(aCallsBefore);
      assertThat(b.store).hasSize(100);
    }
  }

  @Test
  void aFailingSourceAbortsWithThePartialReport() {
    StubUpdater a = new StubUpdater("a");
    Iterator<SyncItem> broken = failingAfter(5, new IllegalStateException("file truncated"));
    try (CustomerSync sync = CustomerSync.builder().updater(a).build()) {
      assertThatThrownBy(() -> sync.syncAll(broken, SyncOptions.defaults()))
          .isInstanceOfSatisfying(SyncAbortedException.class, e -> {
            assertThat(e.getMessage()).contains("after 5 customers").contains("file truncated");
            assertThat(e.partialReport().count("a", VendorOutcome.Status.UPDATED)).isEqualTo(5);
          });
    }
  }

  @Test
  void rejectsADuplicateVendorAndAnEmptySync() {
    assertThatThrownBy(() -> CustomerSync.builder().updater(new StubUpdater("a")).updater(new StubUpdater("a")))
        .hasMessageContaining("already registered");
    assertThatThrownBy(() -> CustomerSync.builder().build()).hasMessageContaining("at least one updater");
  }

  @Test
  void syncAsyncOfTenThousandCustomersToABlockedVendorNeverRunsOnMoreFanOutThreadsThanTheBound() throws Exception {
    int bound = dev.customersync.core.internal.BlockingCalls.MAX_THREADS;
    java.util.Set<Thread> poolThreads = ConcurrentHashMap.newKeySet();
    AtomicInteger ranByCaller = new AtomicInteger();
    CountDownLatch saturated = new CountDownLatch(1);
    Thread caller = Thread.currentThread();
    StubUpdater a = new StubUpdater("a");
    a.failWith = (id, c) -> {
      if (Thread.currentThread() == caller) {
        ranByCaller.incrementAndGet();
        saturated.countDown();
      } else if (poolThreads.add(Thread.currentThread()) && poolThreads.size() > bound) {
        saturated.countDown();
      }
      try {
        saturated.await(20, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return null;
    };
    try (CustomerSync sync = CustomerSync.builder().updater(a).build()) {
      List<java.util.concurrent.CompletableFuture<SyncOutcome>> futures = new ArrayList<>();
      for (int i = 0; i < 10_000; i++) {
        futures.add(sync.syncAsync(List.of(CustomerLink.of("a", String.valueOf(i))), customer(i)));
      }
      java.util.concurrent.CompletableFuture.allOf(futures.toArray(java.util.concurrent.CompletableFuture[]::new))
          .get(30, TimeUnit.SECONDS);

      assertThat(futures).allSatisfy(f -> assertThat(f.join().allSucceeded()).isTrue());
      assertThat(poolThreads).hasSizeLessThanOrEqualTo(bound)
          .allSatisfy(t -> assertThat(t.getName()).startsWith(CustomerSync.FAN_OUT_THREAD_PREFIX));
      // Past the bound the caller runs the update itself: the pool's pace slows the caller down.
      assertThat(ranByCaller.get()).isPositive();
    }
  }

  @Test
  void fanOutRunsOnTheExecutorGivenToTheBuilder() {
    AtomicInteger ran = new AtomicInteger();
    StubUpdater a = new StubUpdater("a");
    StubUpdater b = new StubUpdater("b");
    try (CustomerSync sync = CustomerSync.builder().updater(a).updater(b).executor(task -> {
      ran.incrementAndGet();
      task.run();
    }).build()) {
      SyncOutcome outcome = sync.sync(List.of(CustomerLink.of("a", "1"), CustomerLink.of("b", "1")), customer(1));

      assertThat(outcome.allSucceeded()).isTrue();
      assertThat(ran).hasValue(2);
    }
  }

  @Test
  void anUpdateTheExecutorRefusesIsAFailedOutcomeNotAnException() {
    StubUpdater a = new StubUpdater("a");
    // A caller's executor that is full (or shut down): closing the sync itself now throws instead.
    CustomerSync sync = CustomerSync.builder().updater(a)
        .executor(r -> {
          throw new java.util.concurrent.RejectedExecutionException("queue full");
        }).build();

    SyncOutcome outcome = sync.sync(customer(1), List.of(CustomerLink.of("a", "1")));

    assertThat(outcome.forVendor("a").orElseThrow().error())
        .hasCauseInstanceOf(java.util.concurrent.RejectedExecutionException.class)
        .hasMessageContaining("refused by the sync's executor");
    assertThat(a.calls).hasValue(0);
  }

  /**
   * A source of customers 1 to {@code n}, each linked to vendor {@code a}, that then throws {@code
   * failure} (an unchecked exception or an Error) instead of its next item.
   */
  static Iterator<SyncItem> failingAfter(int n, Throwable failure) {
    return new Iterator<>() {
      int i;

      @Override
      public boolean hasNext() {
        return true;
      }

      @Override
      public SyncItem next() {
        if (i == n) {
          if (failure instanceof Error e) {
            throw e;
          }
          throw (RuntimeException) failure;
        }
        i++;
        return SyncItem.of("k" + i, customer(i), CustomerLink.of("a", String.valueOf(i)));
      }
    };
  }

  private static Stream<SyncItem> items(int n, String... vendors) {
    return IntStream.rangeClosed(1, n).mapToObj(i -> new SyncItem("key-" + i, customer(i),
        Stream.of(vendors).map(v -> CustomerLink.of(v, String.valueOf(i))).toList()));
  }
}
