package dev.customersync.micrometer;

import dev.customersync.billbee.BillbeeClient;
import dev.customersync.core.RateLimiter;
import dev.customersync.core.RetryPolicy;
import dev.customersync.storm.StormClient;
import dev.customersync.testkit.FakeBillbee;
import dev.customersync.testkit.FakeStorm;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.observation.Observation;
import java.util.ArrayList;
import java.util.List;

/** Real clients against the sdk-testkit fakes, with retries that never wait. */
final class Fakes {

  /** A Billbee customer id of Billbee's real size, to look for in tags. */
  static final long BILLBEE_ID = 100000150176895L;

  private Fakes() {}

  static RetryPolicy noWaitRetries() {
    return RetryPolicy.builder().sleeper(d -> { }).jitter(() -> 1.0).build();
  }

  /** A Billbee with its throttle off: these tests are about what is recorded, not about spacing calls. */
  static FakeBillbee billbee() {
    FakeBillbee fake = new FakeBillbee().throttling(false);
    fake.start();
    fake.seedSample(BILLBEE_ID);
    return fake;
  }

  static BillbeeClient.Builder billbeeClient(FakeBillbee fake) {
    return BillbeeClient.builder()
        .baseUrl(fake.url("/").toString())
        .apiKey(FakeBillbee.DEFAULT_API_KEY)
        .username(FakeBillbee.DEFAULT_USERNAME)
        .apiPassword(FakeBillbee.DEFAULT_API_PASSWORD)
        .retryPolicy(noWaitRetries())
        .rateLimiter(RateLimiter.unlimited());
  }

  /** OAuth2 client credentials against the fake's token endpoint. */
  static StormClient.Builder stormClient(FakeStorm fake) {
    return StormClient.builder()
        .baseUrl(fake.baseUrl().toString())
        .applicationId(FakeStorm.DEFAULT_APPLICATION_ID)
        .clientCredentials(FakeStorm.DEFAULT_CLIENT_ID, FakeStorm.DEFAULT_CLIENT_SECRET, "lab")
        .tokenUrl(fake.tokenUrl().toString())
        .retryPolicy(noWaitRetries());
  }

  /** Every meter's name and tags as text, one entry per meter, to scan for what must not be there. */
  static List<String> meterTexts(MeterRegistry registry) {
    List<String> texts = new ArrayList<>();
    for (Meter m : registry.getMeters()) {
      StringBuilder s = new StringBuilder(m.getId().getName());
      for (Tag t : m.getId().getTagsAsIterable()) {
        s.append(' ').append(t.getKey()).append('=').append(t.getValue());
      }
      texts.add(s.toString());
    }
    return texts;
  }

  /** Every key value of an Observation context, low and high cardinality, and its names. */
  static String observationText(Observation.Context context) {
    StringBuilder s = new StringBuilder(String.valueOf(context.getName())).append(' ')
        .append(context.getContextualName());
    context.getAllKeyValues().forEach(kv -> s.append(' ').append(kv.getKey()).append('=').append(kv.getValue()));
    return s.toString();
  }
}
