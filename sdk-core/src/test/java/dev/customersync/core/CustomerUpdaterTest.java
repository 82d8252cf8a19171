package dev.customersync.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customersync.core.internal.BlockingCalls;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CustomerUpdaterTest {

  @Test
  void defaultAsyncUpdatesRunInParallelOffTheCommonPool() throws Exception {
    int calls = 8;
    CountDownLatch allStarted = new CountDownLatch(calls);
    AtomicInteger onCommonPool = new AtomicInteger();
    CustomerUpdater blocking = new CustomerUpdater() {
      @Override
      public String vendor() {
        return "v";
      }

      @Override
      public UpdateResult update(String customerId, Customer customer) {
        if (Thread.currentThread().getName().startsWith("ForkJoinPool.commonPool")) {
          onCommonPool.incrementAndGet();
        }
        allStarted.countDown();
        try {
          // Blocks until every call is running at once: on a one-thread pool this would never finish.
          allStarted.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return UpdateResult.builder().vendor("v").customerId(customerId).customer(customer).attempts(1)
            .vendorResponse("ok").build();
      }
    };

    CompletableFuture<?>[] futures = new CompletableFuture<?>[calls];
    for (int i = 0; i < calls; i++) {
      futures[i] = blocking.updateAsync(String.valueOf(i), Customer.builder().build());
    }
    CompletableFuture.allOf(futures).get(20, TimeUnit.SECONDS);

    assertThat(allStarted.getCount()).isZero();
    assertThat(onCommonPool).hasValue(0);
  }

  @Test
  void tenThousandAsyncUpdatesToABlockedUpdaterNeverRunOnMoreThreadsThanTheBound() throws Exception {
    int bound = BlockingCalls.MAX_THREADS;
    Set<Thread> poolThreads = ConcurrentHashMap.newKeySet();
    AtomicInteger ranByCaller = new AtomicInteger();
    // Opens once the pool can take no more: every thread busy and the queue full, or a thread past the bound.
    CountDownLatch saturated = new CountDownLatch(1);
    Thread caller = Thread.currentThread();
    CustomerUpdater blocked = new CustomerUpdater() {
      @Override
      public String vendor() {
        return "v";
      }

      @Override
      public UpdateResult update(String customerId, Customer customer) {
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
        return UpdateResult.builder().vendor("v").customerId(customerId).customer(customer).attempts(1)
            .vendorResponse("ok").build();
      }
    };

    List<CompletableFuture<UpdateResult>> futures = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      futures.add(blocked.updateAsync(String.valueOf(i), Customer.builder().build()));
    }
    CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

    assertThat(poolThreads).hasSizeLessThanOrEqualTo(bound)
        .allSatisfy(t -> assertThat(t.getName()).startsWith(BlockingCalls.THREAD_NAME_PREFIX));
    // Past the bound the caller runs the update itself: the pool's pace slows the caller down.
    assertThat(ranByCaller.get()).isPositive();
  }
}
