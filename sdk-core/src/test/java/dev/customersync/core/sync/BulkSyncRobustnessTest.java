package dev.customersync.core.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.customersync.core.Customer;
import dev.customersync.core.CustomerSyncException;
import dev.customersync.core.CustomerUpdater;
import dev.customersync.core.UpdateResult;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A bulk run always ends with a report, whatever its updaters, listener or source throw. */
class BulkSyncRobustnessTest {

  // Generous: a healthy run here takes milliseconds; the bound only turns a hang into a failure.
  private static final Duration PATIENCE = Duration.ofSeconds(20);

  static Stream<Error> errors() {
    return Stream.of(new NoSuchMethodError("'void com.example.Lib.gone()'"), new OutOfMemoryError("Java heap space"),
        new StackOverflowError());
  }

  @ParameterizedTest
  @MethodSource("errors")
  void anUpdaterThrowingAnErrorIsRecordedAsFailedAndTheRunStillEndsWithAReport(Error error) {
    CustomerUpdater broken = updater("storm", (id, c) -> {
      throw error;
    });
    try (CustomerSync sync = CustomerSync.builder().updater(broken).concurrency("storm", 2).build()) {
      SyncJob job = sync.start(items(50, "storm"), SyncOptions.defaults());

      assertThat(job.report()).succeedsWithin(PATIENCE);
      SyncReport report = job.join();
      assertThat(report.itemsRead()).isEqualTo(50);
      assertThat(report.count("storm", VendorOutcome.Status.FAILED)).isEqualTo(50);
      assertThat(job.progress().itemsCompleted()).isEqualTo(50);
      assertThat(report.failures()).first().satisfies(f -> assertThat(f.outcome().error())
          .isExactlyInstanceOf(CustomerSyncException.class)
          .hasCause(error)
          .hasMessageContaining("storm updater failed unexpectedly")
          .hasMessageContaining(error.getClass().getName()));
    }
  }

  @Test
  void syncOfOneCustomerEndsWithAFailedOutcomeWhenAnUpdaterThrowsAnError() {
    CustomerSyncTest.StubUpdater fine = new CustomerSyncTest.StubUpdater("billbee");
    CustomerUpdater broken = updater("storm", (id, c) -> {
      throw new NoSuchMethodError("'okhttp3.Call okhttp3.OkHttpClient.newCall()'");
    });
    try (CustomerSync sync = CustomerSync.builder().updater(fine).updater(broken).build()) {
      var future = sync.syncAsync(List.of(CustomerLink.of("billbee", "1"), CustomerLink.of("storm", "2")), customer(1));

      assertThat(future).succeedsWithin(PATIENCE);
      SyncOutcome outcome = future.join();
      assertThat(outcome.forVendor("billbee").orElseThrow().isUpdated()).isTrue();
      assertThat(outcome.forVendor("storm").orElseThrow().error())
          .hasCauseInstanceOf(NoSuchMethodError.class)
          .hasMessageContaining("storm updater failed unexpectedly");
    }
  }

  @Test
  void aListenerThrowingAnErrorNeitherHangsTheRunNorLosesAnOutcome() {
    CustomerSyncTest.StubUpdater a = new CustomerSyncTest.StubUpdater("a");
    AtomicInteger calls = new AtomicInteger();
    SyncOptions options = SyncOptions.builder().progressInterval(Duration.ZERO).listener(p -> {
      calls.incrementAndGet();
      throw new NoClassDefFoundError("com/example/ProgressBar");
    }).build();
    try (CustomerSync sync = CustomerSync.builder().updater(a).concurrency("a", 2).build()) {
      SyncJob job = sync.start(items(100, "a"), options);

      assertThat(job.report()).succeedsWithin(PATIENCE);
      assertThat(job.join().count("a", VendorOutcome.Status.UPDATED)).isEqualTo(100);
      assertThat(calls.get()).isGreaterThan(1);
    }
  }

  @Test
  void aSourceThrowingAnErrorAbortsTheRunWithThePartialReport() {
    CustomerSyncTest.StubUpdater a = new CustomerSyncTest.StubUpdater("a");
    Iterator<SyncItem> broken = CustomerSyncTest.failingAfter(5,
        new NoSuchMethodError("'com.fasterxml.jackson.core.JsonParser.readValueAs()'"));
    try (CustomerSync sync = CustomerSync.builder().updater(a).build()) {
      assertThatThrownBy(() -> sync.syncAll(broken, SyncOptions.defaults()))
          .isInstanceOfSatisfying(SyncAbortedException.class, e -> {
            assertThat(e).hasCauseInstanceOf(NoSuchMethodError.class);
            assertThat(e.getMessage()).contains("after 5 customers").contains("NoSuchMethodError");
            assertThat(e.partialReport().count("a", VendorOutcome.Status.UPDATED)).isEqualTo(5);
          });
    }
  }

  @Test
  void cancelReturnsAtOnceAndReportsQueuedUpdatesCancelledWhileWorkersAreStuckAndTheReaderWaitsForRoom() {
    CustomerSyncTest.StubUpdater a = new CustomerSyncTest.StubUpdater("a");
    CountDownLatch gate = new CountDownLatch(1);
    a.gate = gate;
    AtomicLong read = new AtomicLong();
    Iterator<SyncItem> endless = Stream.iterate(0, i -> i + 1)
        .peek(i -> read.incrementAndGet())
        .map(i -> SyncItem.of("k" + i, customer(i), CustomerLink.of("a", String.valueOf(i))))
        .iterator();
    try (CustomerSync sync = CustomerSync.builder().updater(a).concurrency("a", 2).build()) {
      SyncJob job = sync.start(endless, SyncOptions.defaults());
      // 2 stuck in the updater, 4 queued, the 7th held by the reader waiting for room in the lane.
      spinUntil(() -> a.inFlight.get() == 2 && read.get() == 7);

      job.cancel();

      assertThat(job.isCancelled()).isTrue();
      // The queued updates were never sent: they end now, not after the stuck ones return.
      assertThat(job.progress().cancelled()).isGreaterThanOrEqualTo(4);
      assertThat(job.report()).isNotDone();
      gate.countDown();
      assertThat(job.report()).succeedsWithin(PATIENCE);
      SyncReport report = job.join();
      assertThat(report.cancelled()).isTrue();
      assertThat(report.itemsRead()).isEqualTo(7);
      assertThat(report.count("a", VendorOutcome.Status.UPDATED)).isEqualTo(2);
      assertThat(report.count("a", VendorOutcome.Status.CANCELLED)).isEqualTo(5);
    }
  }

  @Test
  void cancelCompletesTheReportWhileTheSourceIsBlocked() {
    CustomerSyncTest.StubUpdater a = new CustomerSyncTest.StubUpdater("a");
    CountDownLatch sourceBlocked = new CountDownLatch(1);
    CountDownLatch never = new CountDownLatch(1);
    Iterator<SyncItem> stalling = new Iterator<>() {
      int i;

      @Override
      public boolean hasNext() {
        if (i == 3) {
          // A source waiting on a network read or an empty queue that never fills.
          sourceBlocked.countDown();
          try {
            never.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        return true;
      }

      @Override
      public SyncItem next() {
        i++;
        return SyncItem.of("k" + i, customer(i), CustomerLink.of("a", String.valueOf(i)));
      }
    };
    try (CustomerSync sync = CustomerSync.builder().updater(a).build()) {
      SyncJob job = sync.start(stalling, SyncOptions.defaults());
      await(sourceBlocked);
      spinUntil(() -> a.store.size() == 3);

      job.cancel();

      assertThat(job.report()).succeedsWithin(PATIENCE);
      SyncReport report = job.join();
      assertThat(report.cancelled()).isTrue();
      assertThat(report.itemsRead()).isEqualTo(3);
      assertThat(report.count("a", VendorOutcome.Status.UPDATED)).isEqualTo(3);
    } finally {
      never.countDown();
    }
  }

  static CustomerUpdater updater(String vendor, BiFunction<String, Customer, UpdateResult> update) {
    return new CustomerUpdater() {
      @Override
      public String vendor() {
        return vendor;
      }

      @Override
      public UpdateResult update(String customerId, Customer customer) {
        return update.apply(customerId, customer);
      }
    };
  }

  static Customer customer(int i) {
    return Customer.builder().firstName("First" + i).lastName("Last" + i).email("c" + i + "@example.com").build();
  }

  static Iterator<SyncItem> items(int n, String... vendors) {
    return IntStream.rangeClosed(1, n).mapToObj(i -> new SyncItem("key-" + i, customer(i),
        Stream.of(vendors).map(v -> CustomerLink.of(v, String.valueOf(i))).toList())).iterator();
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
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
