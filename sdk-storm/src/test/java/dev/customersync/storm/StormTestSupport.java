package dev.customersync.storm;

import dev.customersync.core.RetryPolicy;
import dev.customersync.testkit.FakeStorm;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Clients wired to a {@link FakeStorm}, with retries that wait for nothing. */
final class StormTestSupport {

  /** Records the back-off waits instead of sleeping. */
  static final class RecordingSleeper {
    final List<Duration> waits = new CopyOnWriteArrayList<>();
  }

  private StormTestSupport() {}

  static RetryPolicy fastRetries() {
    return RetryPolicy.builder().sleeper(d -> {}).jitter(() -> 1.0).build();
  }

  static RetryPolicy recordingRetries(RecordingSleeper sleeper) {
    return RetryPolicy.builder().sleeper(sleeper.waits::add).jitter(() -> 1.0).build();
  }

  /** Customer writes that reached the fake, UpdateCustomer3 and the obsolete (mailing) UpdateCustomer alike. */
  static long writes(FakeStorm fake) {
    return fake.journal().count(e -> FakeStorm.updateCustomerCalls().test(e.request()));
  }

  /** OAuth2 client credentials against the fake's token endpoint. */
  static StormClient.Builder clientFor(FakeStorm fake) {
    return StormClient.builder()
        .baseUrl(fake.baseUrl().toString())
        .applicationId(FakeStorm.DEFAULT_APPLICATION_ID)
        .clientCredentials(FakeStorm.DEFAULT_CLIENT_ID, FakeStorm.DEFAULT_CLIENT_SECRET, "lab")
        .tokenUrl(fake.tokenUrl().toString())
        .retryPolicy(fastRetries());
  }
}
