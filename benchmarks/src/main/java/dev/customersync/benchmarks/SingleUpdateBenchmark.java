package dev.customersync.benchmarks;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.customersync.core.Customer;
import dev.customersync.core.CustomerUpdater;
import dev.customersync.core.RateLimiter;
import dev.customersync.core.UpdateResult;
import dev.customersync.testkit.NoDelayServerSocketFactory;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
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
 * against two hand-written OkHttp + Jackson baselines that send the very same bytes (captured from
 * the SDK's own requests) to the same local server and parse the same answers: {@link #rawOkHttp}
 * replays the captured bytes and reads the answers as trees (the floor), {@link #handWrittenDtos}
 * serializes the prebuilt vendor DTO and binds the answers to the vendor DTO classes (what an
 * integration with its own Jackson DTOs pays). {@link PairedUpdateRun} interleaves the three for
 * ratios that machine drift does not skew.
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
  private ObjectMapper dtoMapper;
  private JavaType readType;
  private JavaType writeAnswerType;
  private Object prebuiltWrite;
  private MediaType writeMediaType;
  private String readUrl;
  private String writeUrl;

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
    dtoMapper = vendor.mapper();
    readType = vendor.readType(dtoMapper);
    writeAnswerType = vendor.writeAnswerType(dtoMapper);
    prebuiltWrite = vendor.prebuiltWrite(dtoMapper, change);
    writeMediaType = MediaType.get(write.getHeaders().get("Content-Type"));
    readUrl = read.getUrl().toString();
    writeUrl = write.getUrl().toString();
    // The same JSON, compared as trees: the SDK sends the vendor's properties in the order it read
    // them (lossless), a hand-written DTO in its own field order; the bytes differ only in order.
    byte[] dtoBytes = dtoMapper.writeValueAsBytes(prebuiltWrite);
    byte[] sdkBytes = write.getBody().toByteArray();
    if (dtoBytes.length != sdkBytes.length || !mapper.readTree(dtoBytes).equals(mapper.readTree(sdkBytes))) {
      throw new IllegalStateException(vendor + ": the hand-written baseline would not send the SDK's JSON");
    }
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

  /**
   * What a hand-written integration with its own Jackson DTOs does per update: build both requests
   * from the URL text and its headers, serialize the (prebuilt) DTO, bind both answers to DTOs.
   */
  @Benchmark
  public Object handWrittenDtos() throws IOException {
    Request read = new Request.Builder().url(readUrl).headers(rawRead.headers()).get().build();
    try (Response r = http.newCall(read).execute()) {
      dtoMapper.readValue(r.body().byteStream(), readType);
    }
    Request write = new Request.Builder().url(writeUrl).headers(rawWrite.headers())
        .method(rawWrite.method(), RequestBody.create(dtoMapper.writeValueAsBytes(prebuiltWrite), writeMediaType))
        .build();
    try (Response r = http.newCall(write).execute()) {
      return dtoMapper.readValue(r.body().byteStream(), writeAnswerType);
    }
  }

  /** The recorded headers a replay should send: connection-level ones are OkHttp's to set. */
  static Headers strip(Headers recorded) {
    return recorded.newBuilder().removeAll("Host").removeAll("Connection").removeAll("Accept-Encoding")
        .removeAll("User-Agent").removeAll("Content-Length").build();
  }

}
