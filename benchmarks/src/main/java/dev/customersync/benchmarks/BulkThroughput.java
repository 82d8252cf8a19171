package dev.customersync.benchmarks;

import dev.customersync.core.Customer;
import dev.customersync.core.CustomerUpdater;
import dev.customersync.core.RateLimiter;
import dev.customersync.core.TokenBucketRateLimiter;
import dev.customersync.core.sync.CustomerLink;
import dev.customersync.core.sync.CustomerSync;
import dev.customersync.core.sync.SyncItem;
import dev.customersync.core.sync.SyncReport;
import dev.customersync.core.sync.VendorOutcome;
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

  private static final int WARMUP_CUSTOMERS = 2_000;

  private BulkThroughput() {}

  public static void main(String[] args) throws Exception {
    int latencyCustomers = Integer.parseInt(System.getProperty("b3.customers", "10000"));
    int limitedCustomers = Integer.parseInt(System.getProperty("b3.limitedCustomers", "1000"));
    StringBuilder md = new StringBuilder();

    try (MockWebServer server = new MockWebServer()) {
      server.setServerSocketFactory(new dev.customersync.testkit.NoDelayServerSocketFactory());
      server.setDispatcher(CannedVendor.BOKAMERA.dispatcher(Duration.ofMillis(20)));
      server.start();
      Run r = run(server, latencyCustomers, 16, RateLimiter.unlimited(), WARMUP_CUSTOMERS);
      Run raw = runRaw(server, latencyCustomers, 16);
      double ideal = 16 / 0.020;
      md.append(String.format(Locale.ROOT,
          "| B3a latency 20 ms, concurrency 16 | %d customers, %d requests in %.1f s | %.1f req/s | ideal %.0f req/s | **%.3f** (target ≥ 0.95) | failures %d |%n",
          latencyCustomers, r.requests, r.seconds, r.requests / r.seconds, ideal, r.requests / r.seconds / ideal, r.failures));
      md.append(String.format(Locale.ROOT,
          "| B3a baseline: 16 threads of raw OkHttp, same requests, same fake | %d requests in %.1f s | %.1f req/s | ideal %.0f req/s | %.3f | SDK / raw: **%.3f** |%n",
          raw.requests, raw.seconds, raw.requests / raw.seconds, ideal, raw.requests / raw.seconds / ideal,
          (r.requests / r.seconds) / (raw.requests / raw.seconds)));
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
      // B3a has warmed the JIT in this JVM; at 50 requests a second a long warm-up would only add minutes.
      Run r = run(server, limitedCustomers, 16, limiter, 50);
      md.append(String.format(Locale.ROOT,
          "| B3b vendor limited to 50 req/s | %d customers, %d requests in %.1f s | %.2f req/s | limit 50 req/s | **%.3f** (target ≥ 0.97) | 429s: **%d**, failures %d |%n",
          limitedCustomers, r.requests, r.seconds, r.requests / r.seconds, r.requests / r.seconds / 50, throttled.get(), r.failures));
    }
    Files.writeString(Path.of(args[0]), md.toString());
    System.out.print(md);
  }

  private record Run(long requests, double seconds, long failures) {}

  /**
   * One OkHttpClient per run, its pool sized for the concurrency: OkHttp's default keeps 5 idle
   * connections, so 16 lanes finishing together closed the rest and reconnected (94 connections
   * for 16 lanes), each a new TCP handshake and a new server thread. The README gives integrators
   * the same advice for bulk runs.
   */
  private static OkHttpClient clientFor(int concurrency) {
    return new OkHttpClient.Builder()
        .connectionPool(new okhttp3.ConnectionPool(concurrency, 5, java.util.concurrent.TimeUnit.MINUTES))
        .build();
  }

  private static Run run(MockWebServer server, int customers, int concurrency, RateLimiter limiter, int warmupCustomers)
      throws Exception {
    OkHttpClient http = clientFor(concurrency);
    AutoCloseable[] owned = new AutoCloseable[1];
    CustomerUpdater updater = CannedVendor.BOKAMERA.updater(server.url("/").toString(), http, limiter, owned);
    try (CustomerSync sync = CustomerSync.builder().updater(updater).concurrency(updater.vendor(), concurrency).build()) {
      // Warm the JIT and the connection pool so the run measures steady state. 200 customers were
      // too few: C2 was still compiling the update path (on the same 2 cores) well into the run,
      // which cost the SDK about 2 % against a raw client whose path is much shorter.
      sync.syncAll(items(warmupCustomers, updater.vendor()));
      // Collect now rather than mid-run: a pause holds requests back after their permits, and
      // they then reach the vendor bunched together.
      System.gc();
      int before = server.getRequestCount();
      SyncReport report = sync.syncAll(items(customers, updater.vendor()));
      long requests = server.getRequestCount() - before;
      return new Run(requests, report.duration().toNanos() / 1e9, report.total(VendorOutcome.Status.FAILED));
    } finally {
      owned[0].close();
      http.dispatcher().executorService().shutdown();
    }
  }

  /**
   * The baseline for B3a: {@code concurrency} threads replaying the SDK's own read and write (a read
   * and a write the server recorded) with plain OkHttp, as many as the SDK run sent. It
   * shows what the fake and this machine allow, apart from the SDK.
   */
  private static Run runRaw(MockWebServer server, int customers, int concurrency) throws Exception {
    RecordedRequest read = null;
    RecordedRequest write = null;
    int connections = 0;
    for (RecordedRequest r; (r = server.takeRequest(0, java.util.concurrent.TimeUnit.SECONDS)) != null; ) {
      if (r.getMethod().equals("GET") && read == null) {
        read = r;
      } else if (!r.getMethod().equals("GET") && write == null) {
        write = r;
      }
      if (r.getExchangeIndex() == 0) {
        connections++;
      }
    }
    System.out.println("B3a: the SDK run used " + connections + " connections");
    okhttp3.Request rawRead = new okhttp3.Request.Builder().url(read.getUrl())
        .headers(SingleUpdateBenchmark.strip(read.getHeaders()))
        .get().build();
    okhttp3.Request rawWrite = new okhttp3.Request.Builder().url(write.getUrl())
        .headers(SingleUpdateBenchmark.strip(write.getHeaders()))
        .method(write.getMethod(), okhttp3.RequestBody.create(write.getBody().toByteArray(),
            okhttp3.MediaType.get(write.getHeaders().get("Content-Type"))))
        .build();
    OkHttpClient http = clientFor(concurrency);
    java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(concurrency);
    try {
      java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
      java.util.concurrent.atomic.AtomicLong failures = new java.util.concurrent.atomic.AtomicLong();
      Runnable lane = () -> {
        while (next.getAndIncrement() < customers) {
          for (okhttp3.Request request : new okhttp3.Request[] {rawRead, rawWrite}) {
            try (okhttp3.Response response = http.newCall(request).execute()) {
              response.body().bytes();
              if (!response.isSuccessful()) {
                failures.incrementAndGet();
              }
            } catch (java.io.IOException e) {
              failures.incrementAndGet();
            }
          }
        }
      };
      // Warm up like the SDK run, then measure.
      next.set(customers - WARMUP_CUSTOMERS);
      runLanes(threads, lane, concurrency);
      next.set(0);
      long start = System.nanoTime();
      runLanes(threads, lane, concurrency);
      double seconds = (System.nanoTime() - start) / 1e9;
      return new Run(2L * customers, seconds, failures.get());
    } finally {
      threads.shutdown();
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  private static void runLanes(java.util.concurrent.ExecutorService threads, Runnable lane, int concurrency)
      throws Exception {
    java.util.List<java.util.concurrent.Future<?>> running = new java.util.ArrayList<>();
    for (int i = 0; i < concurrency; i++) {
      running.add(threads.submit(lane));
    }
    for (java.util.concurrent.Future<?> f : running) {
      f.get();
    }
  }

  private static java.util.stream.Stream<SyncItem> items(int n, String vendor) {
    return IntStream.range(0, n).mapToObj(i -> new SyncItem("c" + i,
        Customer.builder().phone("+46 70 " + i).email("c" + i + "@example.com").build(),
        java.util.List.of(CustomerLink.of(vendor, CannedVendor.BOKAMERA.customerId))));
  }
}
