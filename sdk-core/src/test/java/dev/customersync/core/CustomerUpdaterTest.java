package dev.customersync.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
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
}
