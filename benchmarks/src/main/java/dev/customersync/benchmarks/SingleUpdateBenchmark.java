package dev.customersync.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.customersync.core.Customer;
import dev.customersync.core.CustomerUpdater;
import dev.customersync.core.RateLimiter;
import dev.customersync.core.UpdateResult;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import dev.customersync.testkit.NoDelayServerSocketFactory;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * B1: one neutral update (read, merge, serialize, write, parse) through {@code customerUpdater()}
 * against a hand-written OkHttp + Jackson baseline that sends the very same bytes (captured from
 * the SDK's own requests) to the same local server and parses the same answers.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SingleUpdateBenchmark {

  @Param({"BOKAMERA", "BILLBEE", "STORM"})
  public CannedVendor vendor;

  private final Customer change = Customer.builder().phone("+46 70 123 45 67").email("ada.lovelace@example.com").build();
  private MockWebServer server;
  private OkHttpClient http;
  private CustomerUpdater updater;
  private final AutoCloseable[] owned = new AutoCloseable[1];
  private final ObjectMapper mapper = new ObjectMapper();
  private Request rawRead;
  private Request rawWrite;

  @Setup
  public void setUp() throws Exception {
    server = new MockWebServer();
    // Without this, Nagle plus delayed ACKs on loopback add ~40 ms to each answer and drown the
    // client's own cost (both sides measured ~88 ms/op).
    server.setServerSocketFactory(new NoDelayServerSocketFactory());
    server.setDispatcher(vendor.dispatcher(Duration.ZERO));
    server.start();
    http = new OkHttpClient();
    updater = vendor.updater(server.url("/").toString(), http, RateLimiter.unlimited(), owned);
    updater.update(vendor.customerId, change);
    // The baseline replays exactly what the SDK sent: same URLs, headers and body bytes.
    RecordedRequest read = server.takeRequest();
    RecordedRequest write = server.takeRequest();
    rawRead = new Request.Builder().url(read.getUrl()).headers(strip(read.getHeaders())).get().build();
    rawWrite = new Request.Builder().url(write.getUrl()).headers(strip(write.getHeaders()))
        .method(write.getMethod(), RequestBody.create(write.getBody().toByteArray(),
            MediaType.get(write.getHeaders().get("Content-Type"))))
        .build();
  }

  @TearDown(Level.Iteration)
  public void drainRecordedRequests() throws InterruptedException {
    // MockWebServer keeps every request it saw; drop them so memory does not grow over a run.
    while (server.takeRequest(0, TimeUnit.MILLISECONDS) != null) {
      // draining
    }
  }

  @TearDown
  public void tearDown() throws Exception {
    owned[0].close();
    server.close();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  @Benchmark
  public UpdateResult sdkUpdate() {
    return updater.update(vendor.customerId, change);
  }

  @Benchmark
  public JsonNode rawOkHttp() throws IOException {
    try (Response r = http.newCall(rawRead).execute()) {
      mapper.readTree(r.body().byteStream());
    }
    try (Response r = http.newCall(rawWrite).execute()) {
      return mapper.readTree(r.body().byteStream());
    }
  }

  private static Headers strip(Headers recorded) {
    // Connection-level headers are OkHttp's to set.
    return recorded.newBuilder().removeAll("Host").removeAll("Connection").removeAll("Accept-Encoding")
        .removeAll("User-Agent").removeAll("Content-Length").build();
  }

}
