package dev.customersync.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customersync.billbee.BillbeeClient;
import dev.customersync.bokamera.BokaMeraClient;
import dev.customersync.core.Customer;
import dev.customersync.core.RetryPolicy;
import dev.customersync.core.TokenBucketRateLimiter;
import dev.customersync.core.sync.CustomerLink;
import dev.customersync.core.sync.CustomerSync;
import dev.customersync.core.sync.SyncItem;
import dev.customersync.core.sync.SyncOptions;
import dev.customersync.core.sync.SyncReport;
import dev.customersync.core.sync.VendorOutcome;
import dev.customersync.storm.StormClient;
import dev.customersync.testkit.FakeBillbee;
import dev.customersync.testkit.FakeBokaMera;
import dev.customersync.testkit.FakeStorm;
import dev.customersync.testkit.Fault;
import dev.customersync.testkit.RequestJournal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 6's end-to-end check: 10,000 customers to all three fakes at once, with 10 % of API calls
 * failing transiently. Every customer must end correct in every store, no write may land twice,
 * the report's counts must be exact, and the Billbee fake's throttle must never answer 429.
 */
class BulkSyncAgainstFakesTest {

  private static final int CUSTOMERS = 10_000;

  private final OkHttpClient http = new OkHttpClient();
  private final FakeBokaMera bokaFake = new FakeBokaMera();
  private final FakeBillbee billbeeFake = new FakeBillbee();
  private final FakeStorm stormFake = new FakeStorm();
  private final List<AutoCloseable> clients = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable c : clients) {
      c.close();
    }
    bokaFake.close();
    billbeeFake.close();
    stormFake.close();
    http.dispatcher().executorService().shutdown();
  }

  @Test
  @Timeout(value = 6, unit = TimeUnit.MINUTES)
  void tenThousandCustomersReachEveryFakeExactlyOnceDespiteTenPercentTransientFaults() {
    List<UUID> bokaIds = new ArrayList<>();
    for (int i = 0; i < CUSTOMERS; i++) {
      bokaIds.add(bokaFake.addCustomer("Old" + i, "Name" + i, "old" + i + "@example.com", "+46 8 000 " + i));
      billbeeFake.seed(200_000_000_000L + i, "{\"Name\":\"Old Name\",\"Email\":\"old" + i + "@example.com\",\"Type\":0,\"PriceGroupId\":7}");
      stormFake.seedCustomer("{\"Id\":" + (5000 + i) + ",\"Email\":\"old" + i + "@example.com\",\"FirstName\":\"Old\",\"LastName\":\"Name\",\"IsActive\":true}");
    }
    // Billbee's real limits would make 20,000 calls take hours; the fake enforces higher limits
    // and the client's limiter stays under them, which is the property under test.
    billbeeFake.perEndpointPerSecond(1_000).perKeyAndUserPerSecond(2_000).perKeyPerSecond(2_000);

    // Transient faults the vendor answers before processing: safe to retry for PUTs and POSTs alike.
    bokaFake.faults().randomly(0.10, 1, r -> !r.getUrl().encodedPath().equals(FakeBokaMera.TOKEN_PATH), Fault.status(503));
    billbeeFake.faults().randomly(0.10, 2, r -> true, Fault.retryAfter(429, "0"));
    stormFake.faults().randomly(0.10, 3, FakeStorm.apiCalls(), Fault.retryAfter(503, "0"));

    RetryPolicy patient = RetryPolicy.builder().maxAttempts(8).sleeper(d -> {}).build();
    BokaMeraClient boka = track(BokaMeraClient.builder().baseUrl(bokaFake.baseUrl()).apiKey(bokaFake.apiKey())
        .accessToken(bokaFake.issueAccessToken()).okHttpClient(http).retryPolicy(patient).build());
    BillbeeClient billbee = track(BillbeeClient.builder().baseUrl(billbeeFake.url("/").toString())
        .apiKey(FakeBillbee.DEFAULT_API_KEY).username(FakeBillbee.DEFAULT_USERNAME).apiPassword(FakeBillbee.DEFAULT_API_PASSWORD)
        // Per credential and endpoint, as Billbee counts, under the fake's 1,000/s.
        .rateLimiter(TokenBucketRateLimiter.builder().permitsPerSecond(800).burst(1).build())
        .okHttpClient(http).retryPolicy(patient).build());
    StormClient storm = track(StormClient.builder().baseUrl(stormFake.baseUrl().toString())
        .applicationId(FakeStorm.DEFAULT_APPLICATION_ID)
        .clientCredentials(FakeStorm.DEFAULT_CLIENT_ID, FakeStorm.DEFAULT_CLIENT_SECRET, "lab")
        .tokenUrl(stormFake.tokenUrl().toString()).okHttpClient(http).retryPolicy(patient).build());

    SyncReport report;
    try (CustomerSync sync = CustomerSync.builder().updater(boka.customerUpdater()).updater(billbee.customerUpdater())
        .updater(storm.customerUpdater()).defaultConcurrency(8).build()) {
      report = sync.syncAll(IntStream.range(0, CUSTOMERS).mapToObj(i -> new SyncItem("c" + i, Customer.builder()
              .firstName("First" + i).lastName("Last" + i).email("new" + i + "@example.com").phone("+46 70 " + i).build(),
          List.of(CustomerLink.of("bokamera", bokaIds.get(i).toString()),
              CustomerLink.of("billbee", String.valueOf(200_000_000_000L + i)),
              CustomerLink.of("storm", String.valueOf(5000 + i))))),
          SyncOptions.builder().expectedItems(CUSTOMERS).build());
    }

    assertThat(report.failures()).isEmpty();
    for (String vendor : List.of("bokamera", "billbee", "storm")) {
      assertThat(report.count(vendor, VendorOutcome.Status.UPDATED)).as(vendor).isEqualTo(CUSTOMERS);
      assertThat(report.count(vendor, VendorOutcome.Status.FAILED)).as(vendor).isZero();
    }
    assertThat(billbeeFake.throttledCount()).isZero();
    // The random faults really fired, and each customer's write was applied exactly once.
    assertThat(faulted(bokaFake.journal())).isGreaterThan(1_000);
    assertThat(faulted(stormFake.journal())).isGreaterThan(1_000);
    assertThat(appliedWrites(bokaFake.journal(), "PUT")).isEqualTo(CUSTOMERS);
    assertThat(appliedWrites(billbeeFake.journal(), "PUT")).isEqualTo(CUSTOMERS);
    assertThat(appliedWrites(stormFake.journal(), "POST") - stormFake.tokenRequests()).isEqualTo(CUSTOMERS);
    for (int i = 0; i < CUSTOMERS; i += 97) {
      assertThat(bokaFake.customer(bokaIds.get(i)).orElseThrow().path("Email").asText()).isEqualTo("new" + i + "@example.com");
      assertThat(billbeeFake.customer(200_000_000_000L + i).orElseThrow().path("Email").asText()).isEqualTo("new" + i + "@example.com");
      assertThat(billbeeFake.customer(200_000_000_000L + i).orElseThrow().path("PriceGroupId").asLong()).isEqualTo(7);
      assertThat(stormFake.customer(5000 + i).orElseThrow().path("Email").asText()).isEqualTo("new" + i + "@example.com");
    }
    System.out.printf("bulk: %d customers x 3 vendors in %d ms; faults injected: bokamera %d, billbee %d, storm %d%n",
        CUSTOMERS, report.duration().toMillis(), faulted(bokaFake.journal()), faulted(billbeeFake.journal()),
        faulted(stormFake.journal()));
  }

  private <T extends AutoCloseable> T track(T client) {
    clients.add(client);
    return client;
  }

  private static long faulted(RequestJournal journal) {
    return journal.count(e -> e.fault() != null);
  }

  private static long appliedWrites(RequestJournal journal, String method) {
    return journal.count(e -> e.method().equals(method) && e.fault() == null);
  }
}
