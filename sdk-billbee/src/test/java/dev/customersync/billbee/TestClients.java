package dev.customersync.billbee;

import dev.customersync.core.RateLimiter;
import dev.customersync.core.RetryPolicy;
import dev.customersync.core.Sleeper;
import dev.customersync.testkit.FakeBillbee;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.HttpUrl;

/** Clients for tests: fast retries that record their waits, no client-side throttle unless asked. */
final class TestClients {

  static final String API_KEY = FakeBillbee.DEFAULT_API_KEY;
  static final String USERNAME = FakeBillbee.DEFAULT_USERNAME;
  static final String API_PASSWORD = FakeBillbee.DEFAULT_API_PASSWORD;

  /** The waits the retry policy asked for, in order. */
  final List<Duration> retryWaits = new CopyOnWriteArrayList<>();

  final RetryPolicy retryPolicy = RetryPolicy.builder().sleeper(retryWaits::add).jitter(() -> 1.0).build();

  BillbeeClient.Builder builder(HttpUrl baseUrl) {
    return BillbeeClient.builder()
        .baseUrl(baseUrl.toString())
        .apiKey(API_KEY)
        .username(USERNAME)
        .apiPassword(API_PASSWORD)
        .retryPolicy(retryPolicy)
        .rateLimiter(RateLimiter.unlimited());
  }

  BillbeeClient client(HttpUrl baseUrl) {
    return builder(baseUrl).build();
  }

  /** A sleeper that never waits, for limiters driven by a fake clock elsewhere. */
  static Sleeper noSleep() {
    return d -> {};
  }
}
