package dev.customersync.faultmatrix;

import dev.customersync.core.Customer;
import dev.customersync.core.RetryPolicy;
import dev.customersync.core.Timeouts;
import dev.customersync.core.UpdateResult;
import dev.customersync.testkit.Fault;
import dev.customersync.testkit.FakeVendorServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import mockwebserver3.RecordedRequest;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/**
 * One vendor's fake, a shared OkHttp client with its own connection pool, a retry policy whose
 * back-off only records, and short timeouts; the client is built on first use so a scenario can
 * change the base URL first.
 */
final class MatrixRun implements AutoCloseable {

  static final Timeouts TIMEOUTS = Timeouts.builder()
      .connect(Duration.ofMillis(500))
      .read(Duration.ofMillis(400))
      .write(Duration.ofMillis(400))
      .call(Duration.ofMillis(900))
      .build();

  final VendorHarness harness;
  final FakeVendorServer fake;
  final OkHttpClient okHttp = new OkHttpClient.Builder().connectionPool(new ConnectionPool(5, 1, TimeUnit.MINUTES))
      .socketFactory(new NoDelaySocketFactory()).build();
  final List<Duration> waits = new CopyOnWriteArrayList<>();
  final RetryPolicy retryPolicy = RetryPolicy.builder().sleeper(waits::add).jitter(() -> 1.0).build();
  String apiBaseUrl;
  /** Reads and writes of updates before the one whose result a scenario checks. */
  long requestsBeforeLastUpdate;
  private VendorHarness.Client client;

  MatrixRun(VendorHarness harness) {
    this(harness, 0);
  }

  MatrixRun(VendorHarness harness, int credentials) {
    this.harness = harness;
    this.fake = harness.startFake(credentials);
    this.apiBaseUrl = harness.apiBaseUrl(fake);
    SecretScan.secrets(harness.secrets(credentials));
  }

  VendorHarness.Client client() {
    if (client == null) {
      client = harness.build(new VendorHarness.Setup(fake, 0, apiBaseUrl, okHttp, retryPolicy, TIMEOUTS));
      SecretScan.text(client.description());
      SecretScan.text(client.updater().toString());
    }
    return client;
  }

  UpdateResult rename(String firstName) {
    return client().updater().update(harness.customerId(), Customer.builder().firstName(firstName).build());
  }

  void onRead(Fault fault) {
    fake.faults().next(harness.reads(), fault);
  }

  void onWrite(Fault fault) {
    fake.faults().next(harness.writes(), fault);
  }

  void onToken(Fault fault) {
    fake.faults().next(harness.tokenCalls(), fault);
  }

  void onEveryRead(Fault fault) {
    for (int i = 0; i < retryPolicy.maxAttempts(); i++) {
      onRead(fault);
    }
  }

  void onEveryWrite(Fault fault) {
    for (int i = 0; i < retryPolicy.maxAttempts(); i++) {
      onWrite(fault);
    }
  }

  long count(Predicate<RecordedRequest> which) {
    return fake.journal().count(e -> which.test(e.request()));
  }

  long reads() {
    return count(harness.reads());
  }

  long writes() {
    return count(harness.writes());
  }

  long tokenCalls() {
    return count(harness.tokenCalls());
  }

  /** True when every connection of the shared pool is idle: no response body was left open. */
  boolean noBusyConnections() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
    while (System.nanoTime() < deadline) {
      if (okHttp.connectionPool().connectionCount() == okHttp.connectionPool().idleConnectionCount()) {
        return true;
      }
      Thread.sleep(10);
    }
    return false;
  }

  @Override
  public void close() throws Exception {
    fake.journal().entries().forEach(e -> SecretScan.learnFrom(e.request()));
    if (client != null) {
      client.close();
    }
    fake.close();
    okHttp.connectionPool().evictAll();
  }
}
