package dev.customersync.faultmatrix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customersync.core.Customer;
import dev.customersync.core.UpdateResult;
import dev.customersync.testkit.FakeVendorServer;
import dev.customersync.testkit.RequestJournal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * 64 threads, two clients of one vendor with different credentials, one shared OkHttp client: every
 * request carries its own client's credentials (each fake accepts only its own and refuses the
 * other's), every update lands, tokens are fetched once per client, and no connection stays busy.
 */
class SharedClientConcurrencyTest {

  // This test is about sharing (credentials, tokens, connections), not timeouts: the matrix's
  // sub-second timeouts made a busy machine's slow answer a retry, and the exact attempt count a
  // coin toss. Timeouts are the fault matrix's own rows.
  private static final dev.customersync.core.Timeouts GENEROUS = dev.customersync.core.Timeouts.builder()
      .connect(java.time.Duration.ofSeconds(10))
      .read(java.time.Duration.ofSeconds(20))
      .write(java.time.Duration.ofSeconds(20))
      .call(java.time.Duration.ofSeconds(30))
      .build();

  static List<VendorHarness> vendors() {
    return VendorHarness.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vendors")
  void sixtyFourThreadsTwoCredentialsOneOkHttpClient(VendorHarness h) throws Exception {
    SecretScan.install();
    OkHttpClient shared = new OkHttpClient.Builder().connectionPool(new ConnectionPool(16, 1, TimeUnit.MINUTES)).build();
    FakeVendorServer[] fakes = {h.startFake(0), h.startFake(1)};
    VendorHarness.Client[] clients = new VendorHarness.Client[2];
    ExecutorService pool = Executors.newFixedThreadPool(64);
    try {
      for (int c = 0; c < 2; c++) {
        SecretScan.secrets(h.secrets(c));
        clients[c] = h.build(new VendorHarness.Setup(fakes[c], c, h.apiBaseUrl(fakes[c]), shared,
            dev.customersync.core.RetryPolicy.builder().sleeper(d -> {}).jitter(() -> 1.0).build(), GENEROUS));
      }
      CountDownLatch start = new CountDownLatch(1);
      List<Future<UpdateResult>> results = new ArrayList<>();
      long started = System.nanoTime();
      for (int i = 0; i < 64; i++) {
        VendorHarness.Client client = clients[i % 2];
        String name = "Thread" + i;
        results.add(pool.submit(() -> {
          start.await();
          return client.updater().update(h.customerId(), Customer.builder().firstName(name).build());
        }));
      }
      start.countDown();
      for (Future<UpdateResult> f : results) {
        assertThat(f.get(60, TimeUnit.SECONDS).attempts()).isEqualTo(2);
      }
      long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
      assertThat(elapsedMs).as("wall time (ms)").isLessThan(30_000);

      for (int c = 0; c < 2; c++) {
        RequestJournal journal = fakes[c].journal();
        int own = c;
        assertThat(journal.entries()).as("every request carries its own client's credentials")
            .allSatisfy(e -> assertThat(h.carriesCredentials(e.request(), own)).isTrue())
            .noneSatisfy(e -> assertThat(h.carriesCredentials(e.request(), 1 - own)).isTrue());
        assertThat(journal.count(e -> h.reads().test(e.request()))).isEqualTo(32);
        assertThat(journal.count(e -> h.writes().test(e.request()))).isEqualTo(32);
        if (h.hasTokens()) {
          assertThat(journal.count(e -> h.tokenCalls().test(e.request()))).as("one token fetch per client").isEqualTo(1);
        }
        assertThat(h.storedName(fakes[c])).startsWith("Thread");
        journal.entries().forEach(e -> SecretScan.learnFrom(e.request()));
      }
      assertThat(shared.connectionPool().connectionCount()).isEqualTo(shared.connectionPool().idleConnectionCount());
    } finally {
      pool.shutdownNow();
      for (VendorHarness.Client c : clients) {
        if (c != null) {
          c.close();
        }
      }
      for (FakeVendorServer f : fakes) {
        f.close();
      }
      shared.connectionPool().evictAll();
    }
  }

  @AfterAll
  static void scan() {
    SecretScan.assertNoSecretLeaked();
  }
}
