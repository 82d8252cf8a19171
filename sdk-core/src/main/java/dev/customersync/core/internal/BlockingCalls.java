package dev.customersync.core.internal;

import dev.customersync.core.CustomerSyncException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Where blocking vendor calls run when a caller asks for a {@code CompletableFuture} and gives no
 * executor. Not the common ForkJoin pool: it has one thread per core minus one (a single thread on
 * a 2-core machine), so blocking HTTP calls there would queue behind each other and starve every
 * other user of the pool.
 *
 * <p>The shared pool is bounded: at most {@link #MAX_THREADS} threads and {@link #QUEUE_CAPACITY}
 * waiting calls. An unbounded pool turns a burst of 10,000 async calls into 10,000 threads, each
 * with its own stack, all blocked on the same vendor's rate limiter. When every thread is busy and
 * the queue is full, the calling thread runs the call itself. That slows the caller to the pool's
 * pace, and no call is lost. Blocking the caller until there is room instead could deadlock: a
 * call that itself submits async calls from a pool thread would wait for a slot that only it can
 * free. Rejecting would turn mere load into failures that every caller would have to retry.
 * Threads are daemons and end after a minute idle.
 */
public final class BlockingCalls {

  /** The most threads the shared pool runs: {@code max(8, 4 × available processors)}. */
  public static final int MAX_THREADS = Math.max(8, 4 * Runtime.getRuntime().availableProcessors());

  /** How many calls the shared pool queues while every thread is busy; past that, the caller runs the call. */
  public static final int QUEUE_CAPACITY = 1_024;

  /** The name every thread of the shared pool starts with. */
  public static final String THREAD_NAME_PREFIX = "customer-sync-async-";

  private static final RejectedExecutionHandler CALLER_RUNS_UNLESS_SHUT_DOWN = (task, pool) -> {
    // CallerRunsPolicy would silently drop the task of a shut-down pool, and a CompletableFuture
    // waiting for it would never complete.
    if (pool.isShutdown()) {
      throw new RejectedExecutionException("the executor has been shut down");
    }
    task.run();
  };

  // After the handler: static fields initialize in order, and the pool needs it.
  private static final ExecutorService SHARED = newBoundedPool(THREAD_NAME_PREFIX, MAX_THREADS, QUEUE_CAPACITY);

  private BlockingCalls() {}

  /**
   * {@return the shared bounded executor for blocking calls} An {@link Executor}, not an {@code
   * ExecutorService}: nobody may shut the shared pool down.
   */
  public static Executor executor() {
    return SHARED;
  }

  /**
   * A pool like the shared one, for a component that wants its own: up to {@code maxThreads}
   * daemon threads named {@code namePrefix + n} that end after a minute idle, a queue of {@code
   * queueCapacity}, and the caller running a call itself when both are full. Once shut down it
   * rejects new calls with a {@link RejectedExecutionException}.
   *
   * @param namePrefix the start of every thread's name
   * @param maxThreads the most threads at once
   * @param queueCapacity the most calls waiting for a thread
   * @return the new pool; its owner shuts it down
   */
  public static ExecutorService newBoundedPool(String namePrefix, int maxThreads, int queueCapacity) {
    AtomicInteger count = new AtomicInteger();
    // Core size equals the maximum: a ThreadPoolExecutor only grows past its core size once the
    // queue is full, so a smaller core would queue calls while threads could have run them.
    ThreadPoolExecutor pool = new ThreadPoolExecutor(maxThreads, maxThreads, 60, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(queueCapacity), r -> {
          Thread t = new Thread(r, namePrefix + count.incrementAndGet());
          t.setDaemon(true);
          return t;
        }, CALLER_RUNS_UNLESS_SHUT_DOWN);
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  /**
   * Runs {@code call} on {@code executor}. An executor that refuses the call (shut down, or its own
   * policy) yields a future failed with a {@link CustomerSyncException} that says so, instead of an
   * exception thrown at the caller of an async method.
   *
   * @param <T> what the call returns
   * @param call the blocking call
   * @param executor where it runs
   * @param what names the call in the failure, e.g. {@code "storm update of customer 42"}
   * @return the call's outcome
   */
  public static <T> CompletableFuture<T> supplyAsync(Supplier<T> call, Executor executor, String what) {
    try {
      return CompletableFuture.supplyAsync(call, executor);
    } catch (RejectedExecutionException e) {
      return CompletableFuture.failedFuture(new CustomerSyncException(
          what + " was refused by its executor: " + e.getMessage(), e));
    }
  }
}
