package dev.customersync.benchmarks;

import dev.customersync.billbee.BillbeeClient;
import dev.customersync.bokamera.BokaMeraClient;
import dev.customersync.core.Customer;
import dev.customersync.core.CustomerUpdater;
import dev.customersync.core.PageReads;
import dev.customersync.core.RateLimiter;
import dev.customersync.core.sync.CustomerLink;
import dev.customersync.core.sync.CustomerSync;
import dev.customersync.core.sync.SyncItem;
import dev.customersync.core.sync.SyncOptions;
import dev.customersync.core.sync.SyncReport;
import dev.customersync.core.sync.VendorOutcome;
import dev.customersync.state.JdbcSyncStateStore;
import dev.customersync.storm.StormClient;
import dev.customersync.testkit.FakeBillbee;
import dev.customersync.testkit.FakeBokaMera;
import dev.customersync.testkit.FakeStorm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/**
 * B6: sync by match key with a sync state. 10,000 customers that the three fakes do not have yet,
 * each linked to Billbee, BokaMera and Storm by e-mail, go through three runs of {@code syncAll}
 * with {@code createMissing(true)} and a {@link JdbcSyncStateStore} on an H2 file:
 *
 * <ol>
 *   <li><b>first</b>: every customer is looked up and created;
 *   <li><b>unchanged</b>: the same rows again; the state says nothing changed (target: 0 calls);
 *   <li><b>5 % changed</b>: every 20th row has a new phone (target: calls at most 2 × changed + the
 *       pages Billbee reads).
 * </ol>
 *
 * The baseline is today's read-each-then-write run on the same fakes afterwards: links by the ids
 * the first run created, no state, so every customer is read and the changed ones written; once
 * with nothing changed and once with 5 % changed. Calls are the requests each fake received (no
 * token requests: the clients use static tokens); wall is the run's duration.
 *
 * <p>"At the vendors' limits" as in B5: Billbee's fake throttle and the client's limiter are both
 * scaled by {@code -Db6.scale} (default 200); BokaMera and Storm publish no limits and run
 * unthrottled; concurrency {@code -Db6.concurrency} (default 8) per vendor. Arguments: the
 * Markdown fragment to write. Exits with 1 when a target is missed.
 */
public final class SyncByKeyRun {

  private static final String BILLBEE = BillbeeClient.VENDOR;
  private static final String BOKAMERA = "bokamera";
  private static final String STORM = StormClient.VENDOR;
  private static final List<String> VENDORS = List.of(BILLBEE, BOKAMERA, STORM);
  private static final String STORM_TOKEN = "b6-storm-static-token-0123456789";

  private SyncByKeyRun() {}

  public static void main(String[] args) throws Exception {
    int n = Integer.getInteger("b6.customers", 10_000);
    int scale = Integer.getInteger("b6.scale", 200);
    int concurrency = Integer.getInteger("b6.concurrency", 8);
    Path dir = Files.createTempDirectory("b6-state");
    OkHttpClient http = new OkHttpClient.Builder()
        .connectionPool(new ConnectionPool(3 * concurrency, 5, TimeUnit.MINUTES)).build();
    Map<String, Phase> phases = new LinkedHashMap<>();
    try (FakeBillbee billbeeFake = new FakeBillbee().perEndpointPerSecond(2 * scale)
            .perKeyAndUserPerSecond(10 * scale).perKeyPerSecond(50 * scale).start();
        FakeBokaMera bokaMeraFake = new FakeBokaMera();
        FakeStorm stormFake = new FakeStorm().acceptStaticToken(STORM_TOKEN);
        JdbcSyncStateStore state = JdbcSyncStateStore.h2(dir.resolve("state"))) {
      bokaMeraFake.start();
      stormFake.start();
      BillbeeClient billbee = BillbeeClient.builder().baseUrl(billbeeFake.url("/").toString())
          .apiKey(FakeBillbee.DEFAULT_API_KEY).username(FakeBillbee.DEFAULT_USERNAME)
          .apiPassword(FakeBillbee.DEFAULT_API_PASSWORD).okHttpClient(http)
          .rateLimiter(MinimalWritesRun.scaledBillbeeLimiter(scale)).build();
      BokaMeraClient bokaMera = BokaMeraClient.builder().baseUrl(bokaMeraFake.baseUrl()).apiKey(bokaMeraFake.apiKey())
          .accessToken(bokaMeraFake.issueAccessToken()).okHttpClient(http).rateLimiter(RateLimiter.unlimited()).build();
      StormClient storm = StormClient.builder().baseUrl(stormFake.baseUrl().toString())
          .applicationId(FakeStorm.DEFAULT_APPLICATION_ID).accessToken(STORM_TOKEN).okHttpClient(http)
          .rateLimiter(RateLimiter.unlimited()).build();
      Calls calls = new Calls(billbeeFake, bokaMeraFake, stormFake);
      Map<String, String[]> ids = new ConcurrentHashMap<>();
      VENDORS.forEach(v -> ids.put(v, new String[n]));
      CustomerSync.Builder b = CustomerSync.builder();
      for (CustomerUpdater u : List.of(billbee.customerUpdater(), bokaMera.customerUpdater(), storm.customerUpdater())) {
        b.updater(u).concurrency(u.vendor(), concurrency);
      }
      try (CustomerSync sync = b.build()) {
        SyncOptions.Builder byKey = SyncOptions.builder().createMissing(true).stateStore(state).expectedItems(n);
        phases.put("first run (find, create)", run(sync, calls, byKeyItems(n, SyncByKeyRun::first),
            byKey.outcomeListener((item, o) -> {
              if (o.status() == VendorOutcome.Status.CREATED) {
                ids.get(o.vendor())[Integer.parseInt(item.key().substring(1))] = o.customerId();
              }
            }).build(), n, n));
        byKey.outcomeListener((item, o) -> {});
        phases.put("unchanged, with state", run(sync, calls, byKeyItems(n, SyncByKeyRun::first), byKey.build(), n, 0));
        phases.put("5 % changed, with state", run(sync, calls, byKeyItems(n, SyncByKeyRun::second), byKey.build(), n,
            changed(n)));
        // Today's run: links by id, no state, one read per customer (no page reads either).
        SyncOptions plain = SyncOptions.builder().expectedItems(n).pageReads(PageReads.NEVER).build();
        phases.put("baseline: unchanged, read each", run(sync, calls, byIdItems(n, ids, SyncByKeyRun::second), plain,
            n, 0));
        phases.put("baseline: 5 % changed, read each", run(sync, calls, byIdItems(n, ids, SyncByKeyRun::third), plain,
            n, changed(n)));
      } finally {
        billbee.close();
        bokaMera.close();
        storm.close();
      }
    } finally {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
    String md = report(phases, n, scale, concurrency);
    Files.writeString(Path.of(args[0]), md);
    System.out.print(md);
    if (md.contains("**missed**")) {
      System.exit(1);
    }
  }

  /** Every 20th customer changes in the second and third versions (not the same change twice). */
  private static int changed(int n) {
    return (int) IntStream.range(0, n).filter(i -> i % 20 == 0).count();
  }

  private static Customer first(int i) {
    return Customer.builder().firstName("Ada" + (i % 97)).lastName("Lovelace" + i).email("b6-customer" + i + "@example.com")
        .phone(String.format(Locale.ROOT, "+46 70 %03d %02d %02d", i / 10_000, (i / 100) % 100, i % 100)).build();
  }

  private static Customer second(int i) {
    Customer c = first(i);
    return i % 20 == 0 ? c.toBuilder().phone(String.format(Locale.ROOT, "+46 73 %03d %02d %02d", i / 10_000,
        (i / 100) % 100, i % 100)).build() : c;
  }

  private static Customer third(int i) {
    Customer c = second(i);
    return i % 20 == 0 ? c.toBuilder().firstName("Grace" + (i % 89)).build() : c;
  }

  private static Stream<SyncItem> byKeyItems(int n, IntFunction<Customer> version) {
    return IntStream.range(0, n).mapToObj(i -> SyncItem.of("c" + i, version.apply(i), CustomerLink.byEmail(BILLBEE),
        CustomerLink.byEmail(BOKAMERA), CustomerLink.byEmail(STORM)));
  }

  private static Stream<SyncItem> byIdItems(int n, Map<String, String[]> ids, IntFunction<Customer> version) {
    return IntStream.range(0, n).mapToObj(i -> SyncItem.of("c" + i, version.apply(i),
        CustomerLink.of(BILLBEE, ids.get(BILLBEE)[i]), CustomerLink.of(BOKAMERA, ids.get(BOKAMERA)[i]),
        CustomerLink.of(STORM, ids.get(STORM)[i])));
  }

  private static Phase run(CustomerSync sync, Calls calls, Stream<SyncItem> items, SyncOptions options, int customers,
      int changed) {
    Map<String, Long> before = calls.now();
    SyncReport report = sync.syncAll(items, options);
    Map<String, Long> after = calls.now();
    Map<String, Long> made = new LinkedHashMap<>();
    VENDORS.forEach(v -> made.put(v, after.get(v) - before.get(v)));
    System.out.printf(Locale.ROOT, "B6 %s%n", report);
    return new Phase(customers, changed, made, report.duration().toNanos() / 1e9, report, calls.billbeePages(before,
        after));
  }

  private static String report(Map<String, Phase> phases, int n, int scale, int concurrency) {
    StringBuilder md = new StringBuilder();
    md.append("| run | calls billbee | calls bokamera | calls storm | calls, all | wall s | outcomes |\n");
    md.append("|---|---|---|---|---|---|---|\n");
    for (Map.Entry<String, Phase> e : phases.entrySet()) {
      Phase p = e.getValue();
      md.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %,d | **%,d** | %.1f | %s |%n", e.getKey(),
          p.calls.get(BILLBEE), p.calls.get(BOKAMERA), p.calls.get(STORM), p.total(), p.seconds, p.outcomes()));
    }
    List<Phase> list = new ArrayList<>(phases.values());
    Phase unchanged = list.get(1);
    Phase changed = list.get(2);
    Phase baseUnchanged = list.get(3);
    Phase baseChanged = list.get(4);
    md.append("\n| comparison | calls | wall |\n|---|---|---|\n");
    md.append(String.format(Locale.ROOT, "| unchanged: state / read each | %,d / %,d = **%.3f** | %.2f s / %.1f s = **%.3f** |%n",
        unchanged.total(), baseUnchanged.total(), ratio(unchanged.total(), baseUnchanged.total()), unchanged.seconds,
        baseUnchanged.seconds, unchanged.seconds / baseUnchanged.seconds));
    md.append(String.format(Locale.ROOT, "| 5 %% changed: state / read each | %,d / %,d = **%.3f** | %.1f s / %.1f s = **%.3f** |%n",
        changed.total(), baseChanged.total(), ratio(changed.total(), baseChanged.total()), changed.seconds,
        baseChanged.seconds, changed.seconds / baseChanged.seconds));
    long target = 2L * changed.changed * VENDORS.size() + changed.billbeePages;
    md.append(String.format(Locale.ROOT, "%nTargets: unchanged with state makes **%,d** calls (target 0: %s); 5 %% changed"
        + " makes **%,d** calls for %,d changed customers at 3 vendors and %,d Billbee pages (target ≤ 2 × %,d + %,d = %,d:"
        + " %s).%n", unchanged.total(), unchanged.total() == 0 ? "met" : "**missed**", changed.total(), changed.changed,
        changed.billbeePages, changed.changed * VENDORS.size(), changed.billbeePages, target,
        changed.total() <= target ? "met" : "**missed**"));
    md.append(String.format(Locale.ROOT, "%nSettings: %,d customers, Billbee's limits scaled ×%d on fake and client (as in"
        + " B5), BokaMera and Storm unthrottled, concurrency %d per vendor, state in an H2 file"
        + " (`JdbcSyncStateStore.h2`), `pageReads` AUTO with `expectedItems(%,d)`.%n", n, scale, concurrency, n));
    return md.toString();
  }

  private static double ratio(long a, long b) {
    return b == 0 ? Double.NaN : (double) a / b;
  }

  /** Requests each fake has received so far. */
  private record Calls(FakeBillbee billbee, FakeBokaMera bokaMera, FakeStorm storm) {
    Map<String, Long> now() {
      Map<String, Long> m = new LinkedHashMap<>();
      m.put(BILLBEE, (long) billbee.journal().size());
      m.put(BOKAMERA, (long) bokaMera.journal().size());
      m.put(STORM, (long) storm.journal().size());
      m.put("billbeePages", billbee.journal().count(e -> e.method().equals("GET")
          && e.request().getUrl().encodedPath().equals("/api/v1/customers")));
      return m;
    }

    long billbeePages(Map<String, Long> before, Map<String, Long> after) {
      return after.get("billbeePages") - before.get("billbeePages");
    }
  }

  /** One run's figures. */
  private record Phase(int customers, int changed, Map<String, Long> calls, double seconds, SyncReport report,
      long billbeePages) {
    long total() {
      return calls.values().stream().mapToLong(Long::longValue).sum();
    }

    String outcomes() {
      Map<VendorOutcome.Status, Long> sum = new LinkedHashMap<>();
      for (VendorOutcome.Status s : VendorOutcome.Status.values()) {
        long c = report.total(s);
        if (c > 0) {
          sum.put(s, c);
        }
      }
      return sum.toString();
    }
  }
}
