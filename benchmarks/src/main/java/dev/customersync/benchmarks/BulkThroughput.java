package dev.customersync.benchmarks;

import dev.customersync.core.Customer;
import dev.customersync.core.CustomerLink;
import dev.customersync.core.CustomerSync;
import dev.customersync.core.CustomerUpdater;
import dev.customersync.core.RateLimiter;
import dev.customersync.core.SyncItem;
import dev.customersync.core.SyncReport;
import dev.customersync.core.TokenBucketRateLimiter;
import dev.customersync.core.VendorOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;

/**
 * B3: bulk sync throughput. (a) 10,000 customers against a vendor answering after 20 ms, at
 * concurrency 16: achieved requests per second over the ideal 16 / 20 ms = 800/s. (b) customers
 * against a vendor that answers 429 past 50 requests in any second, with the client limiter set
 * just under it: achieved over 50/s, and the 429s seen. Each update is a read and a write (the
 * updaters merge), so requests = 2 × customers.
 *
 * <p>A plain main rather than JMH: one long run is the measurement; repeating it would only
 * multiply minutes. Writes a Markdown fragment to the path given as the first argument.
 */
public final class BulkThroughput {

  private BulkThroughput() {}

  public static void main(String[] args) throws Exception {
    int latencyCustomers = Integer.parseInt(System.getProperty("b3.customers", "10000"));
    int limitedCustomers = Integer.parseInt(System.getProperty("b3.limitedCustomers", "1000"));
    StringBuilder md = new StringBuilder();

    try (MockWebServer server = new MockWebServer()) {
      server.setServerSocketFactory(new dev.customersync.testkit.NoDelayServerSocketFactory());
      server.setDispatcher(CannedVendor.BOKAMERA.dispatcher(Duration.ofMillis(20)));
      server.start();
      Run r = run(server, latencyCustomers, 16, RateLimiter.unlimited());
      double ideal = 16 / 0.020;
      md.append(String.format(Locale.ROOT,
          "| B3a latency 20 ms, concurrency 16 | %d customers, %d requests in %.1f s | %.1f req/s | ideal %.0f req/s | **%.3f** (target ≥ 0.95) | failures %d |%n",
          latencyCustomers, r.requests, r.seconds, r.requests / r.seconds, ideal, r.requests / r.seconds / ideal, r.failures));
    }

    AtomicLong throttled = new AtomicLong();
    try (MockWebServer server = new MockWebServer()) {
      server.setServerSocketFactory(new dev.customersync.testkit.NoDelayServerSocketFactory());
      Dispatcher canned = CannedVendor.BOKAMERA.dispatcher(Duration.ZERO);
      Deque<Long> window = new ArrayDeque<>();
      server.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
          long now = System.nanoTime();
          synchronized (window) {
            while (!window.isEmpty() && now - window.peekFirst() >= 1_000_000_000L) {
              window.pollFirst();
            }
            if (window.size() >= 50) {
              throttled.incrementAndGet();
              return new MockResponse.Builder().code(429).build();
            }
            window.addLast(now);
          }
          return canned.dispatch(request);
        }
      });
      server.start();
      // One bucket for every request of this credential, 2.5 % under the vendor's 50/s: the permit is
      // taken before the request leaves, so a request delayed after its permit can arrive in the
      // next second; at 49.5/s that squeezed 51 arrivals into one second twice in 2,000 requests.
      RateLimiter limiter = TokenBucketRateLimiter.builder().permitsPerSecond(48.75).burst(1).keyMapper(k -> "all").build();
      Run r = run(server, limitedCustomers, 16, limiter);
      md.append(String.format(Locale.ROOT,
          "| B3b vendor limited to 50 req/s | %d customers, %d requests in %.1f s | %.2f req/s | limit 50 req/s | **%.3f** (target ≥ 0.97) | 429s: **%d**, failures %d |%n",
          limitedCustomers, r.requests, r.seconds, r.requests / r.seconds, r.requests / r.seconds / 50, throttled.get(), r.failures));
    }
    Files.writeString(Path.of(args[0]), md.toString());
    System.out.print(md);
  }

  private record Run(long requests, double seconds, long failures) {}

  private static Run run(MockWebServer server, int customers, int concurrency, RateLimiter limiter) throws Exception {
    OkHttpClient http = new OkHttpClient();
    AutoCloseable[] owned = new AutoCloseable[1];
    CustomerUpdater updater = CannedVendor.BOKAMERA.updater(server.url("/").toString(), http, limiter, owned);
    try (CustomerSync sync = CustomerSync.builder().updater(updater).concurrency(updater.vendor(), concurrency).build()) {
      // Warm the JIT and the connection pool so the run measures steady state.
      sync.syncAll(items(200, updater.vendor()));
      int before = server.getRequestCount();
      SyncReport report = sync.syncAll(items(customers, updater.vendor()));
      long requests = server.getRequestCount() - before;
      return new Run(requests, report.duration().toNanos() / 1e9, report.total(VendorOutcome.Status.FAILED));
    } finally {
      owned[0].close();
      http.dispatcher().executorService().shutdown();
    }
  }

  private static java.util.stream.Stream<SyncItem> items(int n, String vendor) {
    return IntStream.range(0, n).mapToObj(i -> new SyncItem("c" + i,
        Customer.builder().phone("+46 70 " + i).email("c" + i + "@example.com").build(),
        java.util.List.of(CustomerLink.of(vendor, CannedVendor.BOKAMERA.customerId))));
  }
}
