package dev.customersync.billbee;

import dev.customersync.core.RateLimitRule;
import dev.customersync.core.RateLimiter;
import dev.customersync.core.RateLimits;
import dev.customersync.core.Sleeper;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;

/**
 * Billbee's published throttle, enforced on the client so that calls are spaced out instead of
 * answered with 429: 50 calls/s per API key, 10 calls/s per API key and user, and 2 calls/s per
 * endpoint per API key and user (Billbee swagger of Oct 2024).
 *
 * <p>{@link BillbeeClient} sends every request with the rate-limit key {@code
 * <key fingerprint>:<user fingerprint>|<endpoint>} (see {@link #credentialKey}); the three buckets
 * map that key down to the part each limit counts by. The endpoint is the route template, e.g.
 * {@code api/v1/customers/{id}}, whatever the method: GET and PUT of one customer share one
 * endpoint budget. Billbee does not define "endpoint"; of the two readings (method and route, or
 * route alone) this is the stricter, so the client stays under Billbee's limit under either. The
 * cost: an update (a GET and a PUT) takes two of the endpoint's calls, so one account updates at
 * most 0.83 customers a second.
 *
 * <h2>Why 5/6 of each rate and a burst of 1</h2>
 *
 * Billbee does not say how it counts; the strictest reading is a sliding window ("at most 2 in any
 * second"), and that is what {@code FakeBillbee} enforces. A token bucket admits {@code burst +
 * rate × T} calls in any window {@code T}, so with a burst of 2 (or a burst of 1 at the full 2/s)
 * three calls can land inside one second. A burst of 1 makes each bucket a plain spacer: no two
 * calls closer than {@code 1 / rate}.
 *
 * <p>The spacing is measured when the permit is granted, but Billbee counts when the request
 * arrives, and the time in between varies: a new connection (TCP and TLS handshakes), a GC pause,
 * a busy CPU. At the full 2/s, calls 1 and 3 would be exactly 1.000 s apart, so any extra delay of
 * call 1 would put three calls into one server-side second. At 5/6 of the rate (1.67/s, one call
 * per 600 ms) calls 1 and 3 are 1.2 s apart: up to 200 ms of delay difference is absorbed. The
 * same margin holds for the other limits (8.33/s: the 11th call per key and user comes 1.2 s after
 * the 1st; 41.67/s: the 51st per key likewise). A fixed-window counter at Billbee is satisfied a
 * fortiori. The cost is throughput: one endpoint sees at most 1.67 calls/s. A delay beyond the
 * margin (a slow first handshake far from Billbee) can still meet a 429; the retry policy then waits
 * ({@code Retry-After}, or its own back-off when Billbee omits the header) and sends again.
 *
 * <p>The endpoint bucket is asked first. {@link RateLimiter#allOf} waits bucket by bucket; had the
 * key-wide buckets come first, every caller of a burst would reserve key-wide slots at once and then
 * queue at its endpoint, holding capacity it cannot use yet: a burst of N updates would hold back
 * every call by N × 120 ms behind the others' reservations. Asked after the endpoint wait, the key-wide
 * buckets are free in practice (this client has one endpoint, at most 1.67 calls/s against 8.33/s),
 * so a request leaves right after its endpoint slot and the endpoint spacing holds at send time.
 *
 * <p>Each {@link BillbeeClient} gets a limiter of its own unless given one. Billbee counts per
 * account, not per client object, so clients in one JVM that share credentials should share a
 * limiter on purpose: {@link #shared()} (buckets keyed by credential fingerprints, so different
 * accounts do not slow each other) or one built with {@link #newLimiter}. It is not the default
 * because a hidden JVM-wide budget made unrelated clients (every test using a fake's default
 * credentials) wait on each other. Processes sharing one API key need a distributed {@link
 * RateLimiter} instead: build it from {@link #rules()} (the Redis module's {@code
 * RedisRateLimiter} does), so that it enforces exactly these numbers and keys.
 */
public final class BillbeeRateLimits {

  /** Billbee's published limit per API key. */
  public static final double PER_KEY_PER_SECOND = 50;

  /** Billbee's published limit per API key and user. */
  public static final double PER_KEY_AND_USER_PER_SECOND = 10;

  /** Billbee's published limit per endpoint, API key and user. */
  public static final double PER_ENDPOINT_PER_SECOND = 2;

  /** The share of each published rate the default limiter uses; see the class comment. */
  public static final double SAFETY_FACTOR = 5.0 / 6.0;

  private static final RateLimits RULES = RateLimits.of(BillbeeClient.VENDOR,
      rule("per-endpoint", PER_ENDPOINT_PER_SECOND, k -> k),
      rule("per-key-and-user", PER_KEY_AND_USER_PER_SECOND, BillbeeRateLimits::credentialPart),
      rule("per-key", PER_KEY_PER_SECOND, BillbeeRateLimits::keyPart));

  private static final RateLimiter SHARED = newLimiter(System::nanoTime, Sleeper.system());

  private BillbeeRateLimits() {}

  /**
   * {@return one limiter for the whole JVM, to pass to every {@link BillbeeClient} that shares an
   * account with another client ({@code rateLimiter(BillbeeRateLimits.shared())})}
   */
  public static RateLimiter shared() {
    return SHARED;
  }

  /**
   * A fresh limiter with its own buckets, e.g. with a fake clock and sleeper in tests.
   *
   * @param nanoClock a monotonic clock like {@link System#nanoTime()}
   * @param sleeper how to wait
   * @return a limiter that spaces calls at {@link #SAFETY_FACTOR} of each published rate (per
   *     endpoint, per key and user, per key), with a burst of 1
   */
  public static RateLimiter newLimiter(LongSupplier nanoClock, Sleeper sleeper) {
    return RULES.newLimiter(nanoClock, sleeper);
  }

  /**
   * Billbee's limit table as the built-in limiter enforces it, in the order it asks: {@code
   * per-endpoint} (2/s × {@link #SAFETY_FACTOR}, one bucket per key, user and endpoint, GET and PUT
   * of a customer sharing one), {@code per-key-and-user} (10/s × the factor) and {@code per-key}
   * (50/s × the factor), each with a burst of 1. The rules map the client's permit keys {@code
   * <key fingerprint>:<user fingerprint>|<endpoint>} to their bucket keys. Build a distributed
   * limiter from this table so that several processes sharing one Billbee account stay under its
   * limits together.
   *
   * @return Billbee's table: per endpoint, per key and user, per key
   */
  public static RateLimits rules() {
    return RULES;
  }

  /**
   * The credential part of the rate-limit key: {@code <key fingerprint>:<user fingerprint>}. Only
   * one-way fingerprints, never the secrets, appear in keys.
   */
  static String credentialKey(String apiKeyFingerprint, String userFingerprint) {
    return apiKeyFingerprint + ":" + userFingerprint;
  }

  private static RateLimitRule rule(String name, double published, UnaryOperator<String> bucketKey) {
    return RateLimitRule.of(name, published * SAFETY_FACTOR, 1, bucketKey);
  }

  private static String keyPart(String key) {
    int colon = key.indexOf(':');
    return colon < 0 ? credentialPart(key) : key.substring(0, colon);
  }

  private static String credentialPart(String key) {
    int bar = key.indexOf('|');
    return bar < 0 ? key : key.substring(0, bar);
  }
}
