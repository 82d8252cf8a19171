package dev.customersync.benchmarks;

import dev.customersync.billbee.BillbeeRateLimits;
import dev.customersync.core.Customer;
import dev.customersync.core.CustomerUpdater;
import dev.customersync.core.RateLimitRule;
import dev.customersync.core.RateLimiter;
import dev.customersync.core.RateLimits;
import dev.customersync.core.sync.CustomerLink;
import dev.customersync.core.sync.CustomerSync;
import dev.customersync.core.sync.SyncItem;
import dev.customersync.core.sync.SyncReport;
import dev.customersync.core.sync.VendorOutcome;
import dev.customersync.redis.RedisRateLimiter;
import io.lettuce.core.RedisClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;

/**
 * B7: several processes share one vendor budget through Redis. 1, 2 and 4 JVMs, each with its own
 * client and {@link RedisRateLimiter}, sync 600 customers between them against a vendor that
 * answers 429 past 50 requests in any second: the aggregate request rate over the 50/s and the
 * 429s seen. Then the limiter's own cost: microseconds per permit of the Redis limiter next to the
 * in-memory one, for one rule and for Billbee's three-rule table, when no permit has to wait.
 *
 * <p>The limiter is set 4 % under the vendor's 50/s (B3b's in-memory one, in one process, is 2.5 %
 * under): a permit is granted in one process and the request leaves from it a moment later, and
 * with two or four JVMs on two cores that moment varies more (at 2.5 % under, one 429 in 1,200
 * requests with two processes). Each child warms
 * its JIT against an unthrottled copy of the vendor before all start together. Writes a Markdown
 * fragment to the path given as the first argument; needs {@code redis-server} on the machine.
 */
public final class SharedLimitRun {

  private static final int LIMIT = 50;
  private static final double CLIENT_RATE = Double.parseDouble(System.getProperty("b7.rate", "48"));
  private static final int LANES = Integer.parseInt(System.getProperty("b7.lanes", "4"));
  private static final int CUSTOMERS = Integer.parseInt(System.getProperty("b7.customers", "600"));

  private SharedLimitRun() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("child")) {
      child(args);
      return;
    }
    StringBuilder md = new StringBuilder();
    Process redis = null;
    try {
      int port = freePort();
      redis = startRedis(port);
      for (String n : System.getProperty("b7.processes", "1,2,4").split(",")) {
        int processes = Integer.parseInt(n.trim());
        md.append(runProcesses(processes, port));
      }
      md.append(permitCost(port));
    } finally {
      if (redis != null) {
        redis.destroyForcibly();
        redis.waitFor(10, TimeUnit.SECONDS);
      }
    }
    Files.writeString(Path.of(args[0]), md.toString());
    System.out.print(md);
  }

  // ---- several processes against the 50/s vendor ----

  private static String runProcesses(int processes, int redisPort) throws Exception {
    AtomicLong throttled = new AtomicLong();
    // When the vendor saw the first and the last request: the span its rate is measured over.
    long[] seen = {Long.MAX_VALUE, Long.MIN_VALUE};
    try (MockWebServer limited = new MockWebServer(); MockWebServer warmup = new MockWebServer()) {
      limited.setServerSocketFactory(new dev.customersync.testkit.NoDelayServerSocketFactory());
      warmup.setServerSocketFactory(new dev.customersync.testkit.NoDelayServerSocketFactory());
      Dispatcher canned = CannedVendor.BOKAMERA.dispatcher(Duration.ZERO);
      warmup.setDispatcher(canned);
      limited.setDispatcher(throttling(canned, throttled, seen));
      limited.start();
      warmup.start();
      String java = ProcessHandle.current().info().command().orElse("java");
      List<Process> children = new ArrayList<>();
      List<BufferedReader> outputs = new ArrayList<>();
      String prefix = "b7-" + processes + "-" + System.nanoTime();
      for (int i = 0; i < processes; i++) {
        Process p = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
            SharedLimitRun.class.getName(), "child", Integer.toString(redisPort), limited.url("/").toString(),
            warmup.url("/").toString(), Integer.toString(CUSTOMERS / processes), prefix)
            .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        children.add(p);
        outputs.add(new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)));
      }
      try {
        for (BufferedReader out : outputs) {
          expectLine(out, "READY");
        }
        for (Process p : children) {
          OutputStream in = p.getOutputStream();
          in.write("GO\n".getBytes(StandardCharsets.UTF_8));
          in.flush();
        }
        long updated = 0;
        long failed = 0;
        long start = Long.MAX_VALUE;
        long end = Long.MIN_VALUE;
        for (int i = 0; i < processes; i++) {
          String[] r = expectLine(outputs.get(i), "RESULT").split(" ");
          updated += Long.parseLong(r[1]);
          failed += Long.parseLong(r[2]);
          start = Math.min(start, Long.parseLong(r[3]));
          end = Math.max(end, Long.parseLong(r[4]));
          if (!children.get(i).waitFor(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("B7 child " + i + " did not exit");
          }
        }
        long requests = limited.getRequestCount();
        double seconds = (end - start) / 1e9;
        // As the vendor counts: the requests after the first, over the time from the first to the last.
        double rate;
        synchronized (seen) {
          rate = (requests - 1) / ((seen[1] - seen[0]) / 1e9);
        }
        return String.format(Locale.ROOT,
            "| B7 %d process%s sharing one Redis limiter at %.2f/s | %d customers, %d requests, synced in %.1f s "
            + "| %.2f req/s at the vendor | limit %d req/s | **%.3f** (target ≥ 0.95) | 429s: **%d**, failures %d |%n",
            processes, processes == 1 ? "" : "es", CLIENT_RATE, updated + failed, requests, seconds, rate, LIMIT,
            rate / LIMIT, throttled.get(), failed);
      } finally {
        children.forEach(Process::destroyForcibly);
      }
    }
  }

  /** The vendor of B3b: 429 past 50 requests in any second, the canned answers otherwise. */
  private static Dispatcher throttling(Dispatcher canned, AtomicLong throttled, long[] seen) {
    Deque<Long> window = new ArrayDeque<>();
    return new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        long now = System.nanoTime();
        synchronized (window) {
          seen[0] = Math.min(seen[0], now);
          seen[1] = Math.max(seen[1], now);
          while (!window.isEmpty() && now - window.peekFirst() >= 1_000_000_000L) {
            window.pollFirst();
          }
          if (window.size() >= LIMIT) {
            throttled.incrementAndGet();
            return new MockResponse.Builder().code(429).build();
          }
          window.addLast(now);
        }
        return canned.dispatch(request);
      }
    };
  }

  private static String expectLine(BufferedReader out, String prefix) throws IOException {
    for (String line; (line = out.readLine()) != null; ) {
      if (line.startsWith(prefix)) {
        return line;
      }
    }
    throw new IllegalStateException("a B7 child ended without " + prefix);
  }

  /** One instance: warm up unthrottled, READY, wait for GO, sync its share, RESULT. */
  private static void child(String[] a) throws Exception {
    int redisPort = Integer.parseInt(a[1]);
    String limitedUrl = a[2];
    String warmupUrl = a[3];
    int customers = Integer.parseInt(a[4]);
    String prefix = a[5];
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    RedisClient client = RedisClient.create("redis://127.0.0.1:" + redisPort);
    OkHttpClient http = new OkHttpClient.Builder()
        .connectionPool(new okhttp3.ConnectionPool(16, 5, TimeUnit.MINUTES)).build();
    try (RedisRateLimiter limiter = RedisRateLimiter.builder(client).keyPrefix(prefix)
        .limits(RateLimits.of("bench", RateLimitRule.of("all", CLIENT_RATE, 1, k -> "all"))).build()) {
      AutoCloseable[] owned = new AutoCloseable[1];
      CustomerUpdater warm = CannedVendor.BOKAMERA.updater(warmupUrl, http, RateLimiter.unlimited(), owned);
      try (CustomerSync sync = CustomerSync.builder().updater(warm).concurrency(warm.vendor(), 16).build()) {
        sync.syncAll(items(2_000, warm.vendor()));
      } finally {
        owned[0].close();
      }
      // A warm-up permit from Redis too, on a bucket of its own, so the first measured one is not the first.
      limiter.tryAcquire("warm-" + prefix, Duration.ofSeconds(5));
      CustomerUpdater updater = CannedVendor.BOKAMERA.updater(limitedUrl, http, limiter, owned);
      // Four lanes are plenty at 50/s (a request takes a millisecond or two); more lanes in every
      // process would only race each other for the shared bucket and jitter the sends.
      try (CustomerSync sync = CustomerSync.builder().updater(updater).concurrency(updater.vendor(), LANES).build()) {
        System.gc();
        System.out.println("READY");
        System.out.flush();
        if (!"GO".equals(in.readLine())) {
          throw new IllegalStateException("expected GO");
        }
        long start = epochNanos();
        SyncReport report = sync.syncAll(items(customers, updater.vendor()));
        long end = epochNanos();
        System.out.println("RESULT " + report.total(VendorOutcome.Status.UPDATED) + " "
            + report.total(VendorOutcome.Status.FAILED) + " " + start + " " + end);
        System.out.flush();
      } finally {
        owned[0].close();
      }
    } finally {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
    System.exit(0);
  }

  // ---- the limiter's own cost ----

  private static String permitCost(int redisPort) throws Exception {
    RedisClient client = RedisClient.create("redis://127.0.0.1:" + redisPort);
    StringBuilder md = new StringBuilder();
    try {
      // Rates far above what one thread can ask for: no permit ever waits, so this is pure overhead.
      RateLimits one = RateLimits.of("bench", RateLimitRule.of("all", 1e7, 1_000_000, k -> "all"));
      // Billbee's three rules and key mappings, with room enough that no permit waits.
      RateLimits billbee = RateLimits.of("billbee", BillbeeRateLimits.rules().rules().stream()
          .map(r -> RateLimitRule.of(r.name(), 1e7, 1_000_000, r.bucketKeyMapper())).toList());
      for (RateLimits limits : List.of(one, billbee)) {
        try (RedisRateLimiter redis = RedisRateLimiter.builder(client).keyPrefix("b7-cost-" + System.nanoTime())
            .limits(limits).build()) {
          RateLimiter memory = limits.newLimiter();
          double[] medians = paired(redis, memory, "fp1:fp2|api/v1/customers/{id}");
          md.append(String.format(Locale.ROOT,
              "| B7 cost per permit, %s | %.1f µs (Redis on loopback) | %.3f µs (in memory) | **%.0f×** | "
              + "median of %d alternating batches of %d permits, one thread, no permit waiting |%n",
              limits == one ? "one rule" : "Billbee's table (3 rules)", medians[0], medians[1], medians[0] / medians[1],
              ROUNDS, BATCH));
        }
      }
    } finally {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
    return md.toString();
  }

  private static final int ROUNDS = 30;
  private static final int BATCH = 2_000;

  /** Median µs per permit of {@code a} and {@code b}, in alternating batches after a warm-up. */
  private static double[] paired(RateLimiter a, RateLimiter b, String key) throws Exception {
    for (int i = 0; i < 5; i++) {
      batch(a, key);
      batch(b, key);
    }
    double[] ta = new double[ROUNDS];
    double[] tb = new double[ROUNDS];
    for (int r = 0; r < ROUNDS; r++) {
      if (r % 2 == 0) {
        ta[r] = batch(a, key);
        tb[r] = batch(b, key);
      } else {
        tb[r] = batch(b, key);
        ta[r] = batch(a, key);
      }
    }
    Arrays.sort(ta);
    Arrays.sort(tb);
    return new double[] {ta[ROUNDS / 2], tb[ROUNDS / 2]};
  }

  private static double batch(RateLimiter limiter, String key) throws Exception {
    long start = System.nanoTime();
    for (int i = 0; i < BATCH; i++) {
      if (!limiter.tryAcquire(key, Duration.ofSeconds(1))) {
        throw new IllegalStateException("a permit had to wait; the cost figures would be wrong");
      }
    }
    return (System.nanoTime() - start) / 1e3 / BATCH;
  }

  // ---- helpers ----

  private static Stream<SyncItem> items(int n, String vendor) {
    return IntStream.range(0, n).mapToObj(i -> new SyncItem("c" + i,
        Customer.builder().phone("+46 70 " + i).email("c" + i + "@example.com").build(),
        List.of(CustomerLink.of(vendor, CannedVendor.BOKAMERA.customerId))));
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static Process startRedis(int port) throws Exception {
    Path dir = Files.createTempDirectory("b7-redis");
    Process p = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
        "--save", "", "--appendonly", "no", "--dir", dir.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
        s.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
        byte[] answer = new byte[5];
        if (s.getInputStream().readNBytes(answer, 0, 5) == 5 && new String(answer, StandardCharsets.US_ASCII).equals("+PONG")) {
          return p;
        }
      } catch (IOException notYet) {
        java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
      }
    }
    p.destroyForcibly();
    throw new IllegalStateException("redis-server did not start (is it installed? apt-get install redis-server)");
  }

  private static long epochNanos() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }
}
