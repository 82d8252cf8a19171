package dev.customersync.core.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where blocking vendor calls run when a caller asks for a {@code CompletableFuture} and gives no
 * executor. Not the common ForkJoin pool: it has one thread per core minus one (a single thread on
 * a 2-core machine), so blocking HTTP calls there would queue behind each other and starve every
 * other user of the pool. Threads are daemons and die after a minute idle.
 */
public final class BlockingCalls {

  private static final AtomicInteger COUNT = new AtomicInteger();
  private static final ExecutorService EXECUTOR = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "customer-sync-async-" + COUNT.incrementAndGet());
    t.setDaemon(true);
    return t;
  });

  private BlockingCalls() {}

  /** The shared executor for blocking calls. */
  public static ExecutorService executor() {
    return EXECUTOR;
  }
}
