package dev.customersync.faultmatrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.customersync.core.AuthenticationException;
import dev.customersync.core.RateLimitException;
import dev.customersync.core.TransportException;
import dev.customersync.core.UpdateResult;
import dev.customersync.core.VendorApiException;
import dev.customersync.core.VendorServerException;
import dev.customersync.testkit.Fault;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fault matrix: every scenario of issue 7 against every vendor, through each vendor's
 * {@code customerUpdater()} (read, merge, write). For each: the outcome, the exact number of reads,
 * writes and token requests that reached the fake, no busy connection left in the shared pool, and
 * the wall time bounded by the configured timeouts (back-off waits are recorded, not slept).
 */
class FaultMatrixTest {

  /** scenario → vendor → "passed (requests)", printed as the closing note's table. */
  static final Map<String, Map<String, String>> TABLE = new ConcurrentSkipListMap<>();

  private static final String BIG = "{\"Id\":\"" + "x".repeat(5 * 1024 * 1024) + "\"}";
  private static final int[] STATUSES = {408, 500, 502, 503, 504};

  /** What a scenario must end with. */
  record Expect(Class<? extends Throwable> failure, boolean exactType, boolean vendorCode, long reads, long writes,
      Long tokens, Consumer<Object> check) {

    static Expect ok(long reads, long writes) {
      return new Expect(null, false, false, reads, writes, null, r -> {});
    }

    static Expect fail(Class<? extends Throwable> type, long reads, long writes) {
      return new Expect(type, false, false, reads, writes, null, e -> {});
    }

    Expect withCode() {
      return new Expect(failure, exactType, true, reads, writes, tokens, check);
    }

    Expect exactly() {
      return new Expect(failure, true, vendorCode, reads, writes, tokens, check);
    }

    Expect tokens(long n) {
      return new Expect(failure, exactType, vendorCode, reads, writes, n, check);
    }

    Expect and(Consumer<Object> more) {
      return new Expect(failure, exactType, vendorCode, reads, writes, tokens, check.andThen(more));
    }
  }

  /** One row of the table: how to break things, what to do, and what must come of it. */
  record Scenario(String name, boolean needsTokens, Consumer<MatrixRun> arrange, Function<MatrixRun, Object> act,
      Function<VendorHarness, Expect> expect) {

    static Scenario of(String name, Consumer<MatrixRun> arrange, Function<VendorHarness, Expect> expect) {
      return new Scenario(name, false, arrange, run -> run.rename("Augusta"), expect);
    }

    static Scenario tokens(String name, Consumer<MatrixRun> arrange, Function<MatrixRun, Object> act,
        Function<VendorHarness, Expect> expect) {
      return new Scenario(name, true, arrange, act, expect);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private static Fault error(MatrixRun run, int status) {
    return Fault.status(status, "application/json; charset=utf-8", run.harness.errorBody());
  }

  private static Class<? extends VendorApiException> typeOf(int status) {
    return status == 408 ? VendorApiException.class : VendorServerException.class;
  }

  /** The write failed once: an idempotent PUT is sent again; Storm's POST is not, whatever the cause. */
  private static Expect writeFailedOnce(VendorHarness h, Class<? extends Throwable> type) {
    return h.writeIdempotent() ? Expect.ok(1, 2) : Expect.fail(type, 1, 1);
  }

  static List<Scenario> scenarios() {
    List<Scenario> s = new ArrayList<>();
    // 1. Rate limiting.
    s.add(Scenario.of("429 Retry-After seconds on read", r -> r.onRead(Fault.retryAfter(429, "2")),
        h -> Expect.ok(2, 1).and(run -> assertThat(((MatrixRun) run).waits).containsExactly(Duration.ofSeconds(2)))));
    s.add(Scenario.of("429 Retry-After HTTP-date on read",
        r -> r.onRead(Fault.retryAfter(429,
            DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(5)))),
        h -> Expect.ok(2, 1).and(run -> assertThat(((MatrixRun) run).waits).singleElement()
            .satisfies(d -> assertThat(d).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(5))))));
    s.add(Scenario.of("429 without Retry-After on read", r -> r.onRead(Fault.status(429)),
        h -> Expect.ok(2, 1).and(run -> assertThat(((MatrixRun) run).waits).containsExactly(Duration.ofMillis(500)))));
    s.add(Scenario.of("429 Retry-After above the cap on read", r -> r.onRead(Fault.retryAfter(429, "3600")),
        h -> Expect.fail(RateLimitException.class, 1, 0).and(e -> {
          assertThat(((RateLimitException) e).retryAfter()).contains(Duration.ofHours(1));
          assertThat(((RateLimitException) e).getMessage()).contains("cap");
        })));
    s.add(Scenario.of("429 on write (turned away, so resent)", r -> r.onWrite(Fault.retryAfter(429, "1")),
        h -> Expect.ok(1, 2)));
    s.add(Scenario.of("429 on every read attempt", r -> r.onEveryRead(Fault.retryAfter(429, "1")),
        h -> Expect.fail(RateLimitException.class, 3, 0)));
    // 2. Error statuses, with the vendor's error body.
    for (int status : STATUSES) {
      s.add(Scenario.of(status + " once on read, then success", r -> r.onRead(error(r, status)), h -> Expect.ok(2, 1)));
      s.add(Scenario.of(status + " once on write", r -> r.onWrite(error(r, status)),
          h -> h.writeIdempotent() ? Expect.ok(1, 2) : Expect.fail(typeOf(status), 1, 1).withCode()));
      s.add(Scenario.of(status + " on every read attempt", r -> r.onEveryRead(error(r, status)),
          h -> exact(Expect.fail(typeOf(status), 3, 0).withCode(), status)));
      s.add(Scenario.of(status + " on every write attempt", r -> r.onEveryWrite(error(r, status)),
          h -> exact(Expect.fail(typeOf(status), 1, h.writeIdempotent() ? 3 : 1).withCode(), status)));
    }
    // 3. Broken connections and slow servers.
    s.add(new Scenario("connection refused", false, r -> r.apiBaseUrl = closedPortUrl(r), r -> r.rename("Augusta"),
        h -> Expect.fail(TransportException.class, 0, 0).and(e -> {
          assertThat(((TransportException) e).attempts()).isEqualTo(3);
          assertThat(((TransportException) e).mayHaveReachedVendor()).isFalse();
        })));
    s.add(Scenario.of("reset before the response on read", r -> r.onRead(Fault.disconnectBeforeResponse()),
        h -> Expect.ok(2, 1)));
    s.add(Scenario.of("reset before the response on write (after it was applied)",
        r -> r.onWrite(Fault.disconnectBeforeResponse().afterHandling()),
        h -> writeFailedOnce(h, TransportException.class).and(VendorExpectations::mayHaveReached)));
    s.add(Scenario.of("reset in the middle of the body on read", r -> r.onRead(Fault.disconnectMidBody("{\"Id\": 1")),
        h -> Expect.ok(2, 1)));
    s.add(Scenario.of("reset in the middle of the body on write (after it was applied)",
        r -> r.onWrite(Fault.disconnectMidBody("{\"Id\": 1").afterHandling()),
        h -> writeFailedOnce(h, TransportException.class).and(VendorExpectations::mayHaveReached)));
    s.add(Scenario.of("stall past the read timeout on read", r -> r.onRead(Fault.stall()), h -> Expect.ok(2, 1)));
    s.add(Scenario.of("stall past the read timeout on write", r -> r.onWrite(Fault.stall()),
        h -> writeFailedOnce(h, TransportException.class).and(VendorExpectations::mayHaveReached)));
    s.add(Scenario.of("stall on every read attempt", r -> r.onEveryRead(Fault.stall()),
        h -> Expect.fail(TransportException.class, 3, 0)));
    s.add(Scenario.of("body drips slower than the call timeout on read", r -> r.onRead(drip()), h -> Expect.ok(2, 1)));
    s.add(Scenario.of("body drips slower than the call timeout on write", r -> r.onWrite(drip()),
        h -> writeFailedOnce(h, TransportException.class).and(VendorExpectations::mayHaveReached)));
    s.add(Scenario.of("body drips on every read attempt", r -> r.onEveryRead(drip()),
        h -> Expect.fail(TransportException.class, 3, 0).and(e -> assertThat(((Throwable) e).getMessage())
            .contains("whole-call timeout"))));
    // 4. Bodies that are not what they should be.
    s.add(Scenario.of("malformed JSON with 200 on read",
        r -> r.onRead(Fault.status(200, "application/json", "{\"Id\": 1, \"Firstname\": ")),
        h -> Expect.fail(VendorApiException.class, 1, 0).and(VendorExpectations::status200)));
    s.add(Scenario.of("malformed JSON with 200 on write",
        r -> r.onWrite(Fault.status(200, "application/json", "{\"Id\": 1, \"Firstname\": ")),
        h -> Expect.fail(VendorApiException.class, 1, 1).and(VendorExpectations::status200)));
    s.add(Scenario.of("HTML error page (502) on every read attempt",
        r -> r.onEveryRead(Fault.status(502, "text/html", "<html><body><h1>502 Bad Gateway</h1></body></html>")),
        h -> Expect.fail(VendorServerException.class, 3, 0)));
    s.add(Scenario.of("HTML page with 200 on read",
        r -> r.onRead(Fault.status(200, "text/html", "<html><body>Maintenance</body></html>")),
        h -> Expect.fail(VendorApiException.class, 1, 0).and(VendorExpectations::status200)));
    s.add(Scenario.of("empty body with 200 on read", r -> r.onRead(Fault.status(200)),
        h -> Expect.fail(VendorApiException.class, 1, 0).and(VendorExpectations::status200)));
    s.add(Scenario.of("200 carrying the vendor's error format on read",
        r -> r.onRead(Fault.status(200, "application/json; charset=utf-8", r.harness.errorBody())),
        h -> Expect.fail(VendorApiException.class, 1, 0).withCode()));
    s.add(Scenario.of("200 carrying the vendor's error format on write",
        r -> r.onWrite(Fault.status(200, "application/json; charset=utf-8", r.harness.errorBody())),
        h -> Expect.fail(VendorApiException.class, 1, 1).withCode()));
    s.add(Scenario.of("5 MiB body with Content-Length on read",
        r -> r.onRead(Fault.of(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
            .body(BIG).build(), "huge body")),
        h -> Expect.fail(VendorApiException.class, 1, 0).and(VendorExpectations::tooLarge)));
    s.add(Scenario.of("5 MiB chunked body on read",
        r -> r.onRead(Fault.of(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
            .chunkedBody(BIG, 256 * 1024).build(), "huge chunked body")),
        h -> Expect.fail(VendorApiException.class, 1, 0).and(VendorExpectations::tooLarge)));
    // 5. Tokens (BokaMera, Storm).
    s.add(Scenario.tokens("access token expires between two updates", r -> {}, r -> {
      r.rename("Augustina");
      r.requestsBeforeLastUpdate = r.reads() + r.writes();
      r.harness.expireTokens(r.fake);
      return r.rename("Augusta");
    }, h -> Expect.ok(3, 2).tokens(2)));
    s.add(Scenario.tokens("401 on the write: token refreshed, write sent once more",
        r -> r.onWrite(Fault.status(401, "application/json", r.harness.errorBody())), r -> r.rename("Augusta"),
        h -> Expect.ok(1, 2).tokens(2)));
    s.add(Scenario.of("401 on every read attempt", r -> r.onEveryRead(Fault.status(401, "application/json",
        r.harness.errorBody())),
        h -> h.hasTokens() ? Expect.fail(AuthenticationException.class, 2, 0).withCode().tokens(2)
            : Expect.fail(AuthenticationException.class, 1, 0).withCode()));
    s.add(Scenario.of("403 on every read attempt", r -> r.onEveryRead(Fault.status(403, "application/json",
        r.harness.errorBody())),
        h -> h.refreshesTokenOn403() ? Expect.fail(AuthenticationException.class, 2, 0).withCode().tokens(2)
            : Expect.fail(AuthenticationException.class, 1, 0).withCode()));
    s.add(Scenario.tokens("token endpoint fails (503 on every attempt)",
        r -> {
          for (int i = 0; i < 3; i++) {
            r.onToken(Fault.status(503, "application/json", "{\"error\":\"temporarily_unavailable\"}"));
          }
        }, r -> r.rename("Augusta"),
        h -> Expect.fail(VendorServerException.class, 0, 0).tokens(3)));
    s.add(Scenario.tokens("token endpoint refuses the credentials",
        r -> r.onToken(Fault.status(400, "application/json",
            "{\"error\":\"invalid_client\",\"error_description\":\"Invalid client credentials\"}")),
        r -> r.rename("Augusta"),
        h -> Expect.fail(AuthenticationException.class, 0, 0).tokens(1)
            .and(e -> assertThat(((AuthenticationException) e).errorCode()).contains("invalid_client"))));
    return s;
  }

  private static Expect exact(Expect e, int status) {
    return status == 408 ? e.exactly() : e;
  }

  private static Fault drip() {
    return Fault.drip("{\"Id\": 1" + " ".repeat(400) + "}", 10, Duration.ofMillis(100));
  }

  private static String closedPortUrl(MatrixRun run) {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return run.apiBaseUrl.replaceFirst(":\\d+/", ":" + port + "/");
  }

  static Stream<Arguments> matrix() {
    List<Arguments> out = new ArrayList<>();
    for (Scenario s : scenarios()) {
      for (VendorHarness h : VendorHarness.all()) {
        if (!s.needsTokens() || h.hasTokens()) {
          out.add(Arguments.of(s, h));
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} [{1}]")
  @MethodSource("matrix")
  void scenario(Scenario scenario, VendorHarness harness) throws Exception {
    SecretScan.install();
    Expect expect = scenario.expect().apply(harness);
    try (MatrixRun run = new MatrixRun(harness)) {
      scenario.arrange().accept(run);
      run.client();
      long started = System.nanoTime();
      Object result = null;
      Throwable thrown = null;
      try {
        result = scenario.act().apply(run);
      } catch (RuntimeException e) {
        thrown = e;
        SecretScan.exception(e);
      }
      long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

      if (expect.failure() == null) {
        if (thrown != null) {
          fail("expected success but got " + thrown, thrown);
        }
        UpdateResult r = (UpdateResult) result;
        // The result counts the HTTP attempts of the last update's read and write, so it equals the
        // requests that reached the fake, less those of an earlier update in the same scenario.
        assertThat(r.attempts()).as("attempts reported")
            .isEqualTo(run.reads() + run.writes() - run.requestsBeforeLastUpdate);
        assertThat(harness.storedName(run.fake)).as("the change arrived").contains("Augusta");
        expect.check().accept(run);
      } else {
        assertThat(thrown).as("outcome").isInstanceOf(expect.failure());
        if (expect.exactType()) {
          assertThat(thrown.getClass()).isEqualTo(expect.failure());
        }
        if (expect.vendorCode()) {
          assertThat(((VendorApiException) thrown).errorCode()).as("vendor's code").contains(harness.errorCode());
        }
        expect.check().accept(thrown);
      }
      assertThat(run.reads()).as("reads that reached the server").isEqualTo(expect.reads());
      assertThat(run.writes()).as("writes that reached the server").isEqualTo(expect.writes());
      if (expect.tokens() != null) {
        assertThat(run.tokenCalls()).as("token requests").isEqualTo(expect.tokens());
      }
      assertThat(run.noBusyConnections()).as("no connection left busy (leaked body)").isTrue();
      long requests = run.reads() + run.writes() + run.tokenCalls() + (expect.failure() == TransportException.class ? 3 : 0);
      long bound = (requests + 1) * MatrixRun.TIMEOUTS.call().toMillis() + 2000;
      assertThat(elapsedMs).as("wall time (ms)").isLessThanOrEqualTo(bound);
      TABLE.computeIfAbsent(scenario.name(), k -> new ConcurrentSkipListMap<>())
          .put(harness.name(), (expect.failure() == null ? "ok" : expect.failure().getSimpleName())
              + " r" + run.reads() + "/w" + run.writes() + (harness.hasTokens() ? "/t" + run.tokenCalls() : ""));
    }
  }

  @AfterAll
  static void printTableAndScan() {
    StringBuilder b = new StringBuilder("\n| scenario | bokamera | storm | billbee |\n|---|---|---|---|\n");
    TABLE.forEach((scenario, row) -> b.append("| ").append(scenario).append(" | ")
        .append(row.getOrDefault("bokamera", "—")).append(" | ").append(row.getOrDefault("storm", "—")).append(" | ")
        .append(row.getOrDefault("billbee", "n/a")).append(" |\n"));
    System.out.println(b);
    SecretScan.assertNoSecretLeaked();
  }
}
