package dev.customersync.benchmarks;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.customersync.billbee.BillbeeClient;
import dev.customersync.bokamera.BokaMeraClient;
import dev.customersync.core.Customer;
import dev.customersync.core.CustomerUpdater;
import dev.customersync.core.RateLimiter;
import dev.customersync.core.TokenBucketRateLimiter;
import dev.customersync.core.VendorCall;
import dev.customersync.core.VendorCallListener;
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
import dev.customersync.testkit.RequestJournal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/**
 * B5: minimal writes in bulk. 10,000 customers, each linked to Billbee, BokaMera and Storm, go
 * through one {@code CustomerSync.syncAll} against the three stateful fakes of {@code sdk-testkit};
 * one customer in ten differs from what the fakes hold (every 20th a new phone, the other changed
 * tenth a new first name), the other nine in ten equal it. The SDK's updaters must send exactly one
 * write per changed customer and vendor, no Storm mail and no new BokaMera access key. Counted from
 * what the fakes received: reads, writes, Storm mails, BokaMera keys created; 429s as the clients
 * saw them; wall time.
 *
 * <p>The same data then goes through the baseline switch, {@code --mode always-write}: {@link
 * AlwaysWriteUpdater}, which reads and writes back whole every time, as the updaters did before.
 * Each mode runs on freshly seeded fakes, after a short warm-up run of its own on other fakes.
 *
 * <p>"At their limits": Billbee's fake throttles (2 calls/s per endpoint, 10 per key and user, 50
 * per key) and the client's limiter (5/6 of each, burst 1, as {@code BillbeeRateLimits}) are both
 * scaled by {@code -Db5.scale} (default 200): at the real limits 10,000 reads alone would take
 * 100 minutes. The scaled client limiter is built here with the same shape as {@code
 * BillbeeRateLimits.newLimiter}, which has no scale of its own, and given to the builder's {@code
 * rateLimiter(..)}. BokaMera and Storm publish no API limits: their clients and fakes run
 * unthrottled, at the same concurrency as Billbee ({@code -Db5.concurrency}, default 8). Scaling
 * shrinks the gap between Billbee's calls to 3 ms, about a call's own time here, while the engine
 * queues only 2 × concurrency tasks per vendor; at 4, a short stall in any lane (the reader feeds
 * all three in turn) left Billbee's lane empty, and a burst-1 limiter's unused slot is lost for good.
 *
 * <p>Arguments: the Markdown fragment to write, then optionally {@code --mode lossless},
 * {@code --mode always-write} or {@code --mode both} (default). Exits with 1 when a check fails.
 */
public final class MinimalWritesRun {

  static final String BILLBEE = BillbeeClient.VENDOR;
  static final String BOKAMERA = "bokamera";
  static final String STORM = StormClient.VENDOR;
  private static final List<String> VENDORS = List.of(BILLBEE, BOKAMERA, STORM);

  private static final long BILLBEE_FIRST_ID = 100_000_150_000_000L;
  private static final int STORM_FIRST_ID = 10_001;
  private static final String STORM_TOKEN = "b5-storm-static-token-0123456789";
  private static final String[] FIRST = {"Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances", "John",
      "Margaret", "Niklaus", "Radia", "Tim", "Sophie", "Ken", "Hedy", "Linus", "Karen", "Dennis", "Annie", "Claude"};
  private static final String[] LAST = {"Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Allen",
      "Backus", "Hamilton", "Wirth", "Perlman", "Berners-Lee", "Wilson", "Thompson", "Lamarr", "Torvalds",
      "Spärck Jones", "Ritchie", "Easley", "Shannon"};

  /** Which updaters a run uses. */
  enum Mode {
    LOSSLESS("lossless (SDK)"),
    ALWAYS_WRITE("always-write baseline");

    final String label;

    Mode(String label) {
      this.label = label;
    }
  }

  private MinimalWritesRun() {}

  public static void main(String[] args) throws Exception {
    int customers = Integer.getInteger("b5.customers", 10_000);
    int scale = Integer.getInteger("b5.scale", 200);
    int concurrency = Integer.getInteger("b5.concurrency", 8);
    int warmup = Integer.getInteger("b5.warmup", 500);
    String modeArg = args.length > 2 && args[1].equals("--mode") ? args[2] : "both";
    List<Mode> modes = switch (modeArg) {
      case "both" -> List.of(Mode.LOSSLESS, Mode.ALWAYS_WRITE);
      case "lossless" -> List.of(Mode.LOSSLESS);
      case "always-write" -> List.of(Mode.ALWAYS_WRITE);
      default -> throw new IllegalArgumentException("--mode must be lossless, always-write or both, was " + modeArg);
    };

    Map<Mode, Run> runs = new LinkedHashMap<>();
    for (Mode mode : modes) {
      if (warmup > 0) {
        // Its own fakes and ids: the JIT and the connection pools warm up, the measured fakes stay as seeded.
        Run w = run(mode, warmup, scale, concurrency);
        System.out.printf(Locale.ROOT, "B5 warm-up %s: %d customers in %.1f s%n", mode.label, warmup, w.seconds);
      }
      System.gc();
      Run r = run(mode, customers, scale, concurrency);
      runs.put(mode, r);
      System.out.printf(Locale.ROOT, "B5 %s: %d customers in %.1f s%n", mode.label, customers, r.seconds);
    }

    StringBuilder md = new StringBuilder();
    md.append("| vendor | mode | customers | changed | reads | writes | mails / keys created | 429s | wall s |\n");
    md.append("|---|---|---|---|---|---|---|---|---|\n");
    for (String vendor : VENDORS) {
      for (Map.Entry<Mode, Run> e : runs.entrySet()) {
        Run r = e.getValue();
        Counts c = r.counts.get(vendor);
        md.append(String.format(Locale.ROOT, "| %s | %s | %,d | %,d | %,d | %s | %s | %d | %.1f |%n", vendor,
            e.getKey().label, r.customers, r.changed, c.reads, e.getKey() == Mode.LOSSLESS ? "**" + fmt(c.writes) + "**"
                : fmt(c.writes), sideEffects(vendor, c, e.getKey() == Mode.LOSSLESS), c.throttled, c.wallSeconds));
      }
    }
    Run lossless = runs.get(Mode.LOSSLESS);
    Run always = runs.get(Mode.ALWAYS_WRITE);
    if (lossless != null && always != null) {
      md.append("\n| vendor | calls lossless / always-write | writes lossless / always-write | wall lossless / always-write |"
          + " mean update ms, lossless / always-write |\n|---|---|---|---|---|\n");
      for (String vendor : VENDORS) {
        Counts l = lossless.counts.get(vendor);
        Counts a = always.counts.get(vendor);
        md.append(String.format(Locale.ROOT, "| %s | %,d / %,d = **%.3f** | %,d / %,d = **%.3f** | %.1f s / %.1f s = **%.2f** |"
            + " %.2f / %.2f = %.2f |%n", vendor, l.calls(), a.calls(), ratio(l.calls(), a.calls()), l.writes, a.writes,
            ratio(l.writes, a.writes), l.wallSeconds, a.wallSeconds, l.wallSeconds / a.wallSeconds, l.meanUpdateMillis(),
            a.meanUpdateMillis(), l.meanUpdateMillis() / a.meanUpdateMillis()));
      }
      md.append(String.format(Locale.ROOT, "| all three, one syncAll | %,d / %,d = **%.3f** | %,d / %,d = **%.3f** |"
          + " %.1f s / %.1f s = **%.2f** | |%n", lossless.calls(), always.calls(), ratio(lossless.calls(), always.calls()),
          lossless.writes(), always.writes(), ratio(lossless.writes(), always.writes()), lossless.seconds, always.seconds,
          lossless.seconds / always.seconds));
    }
    double limit = 2.0 * scale * 5 / 6;
    for (Map.Entry<Mode, Run> e : runs.entrySet()) {
      Counts c = e.getValue().counts.get(BILLBEE);
      md.append(String.format(Locale.ROOT, "%sBillbee, %s: %,d calls in %.1f s = %.1f calls/s, **%.3f** of the client "
          + "limiter's %.1f/s.", e.getKey() == modes.get(0) ? "\n" : " ", e.getKey().label, c.calls(), c.wallSeconds,
          c.calls() / c.wallSeconds, c.calls() / c.wallSeconds / limit, limit));
    }
    md.append('\n');
    md.append(String.format(Locale.ROOT, "%nSettings: scale factor **%d** on Billbee's limits, fake and client alike "
        + "(fake: %d calls/s per endpoint, %d per key and user, %d per key; client: 5/6 of each, burst 1); "
        + "BokaMera and Storm unthrottled; concurrency %d per vendor; %,d warm-up customers per mode on separate fakes.%n",
        scale, 2 * scale, 10 * scale, 50 * scale, concurrency, warmup));

    List<String> failed = new ArrayList<>();
    for (Map.Entry<Mode, Run> e : runs.entrySet()) {
      failed.addAll(e.getValue().check(e.getKey()));
    }
    if (!failed.isEmpty()) {
      md.append("\n**Checks failed:** ").append(String.join("; ", failed)).append('\n');
    }
    Files.writeString(Path.of(args[0]), md.toString());
    System.out.print(md);
    if (!failed.isEmpty()) {
      System.exit(1);
    }
  }

  private static String fmt(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  private static double ratio(long a, long b) {
    return b == 0 ? Double.NaN : (double) a / b;
  }

  private static String sideEffects(String vendor, Counts c, boolean bold) {
    String b = bold ? "**" : "";
    return switch (vendor) {
      case STORM -> "mails " + b + c.mails + b;
      case BOKAMERA -> "keys created " + b + c.keysCreated + b;
      default -> "–";
    };
  }

  /** Whether customer {@code i} differs from what the fakes hold: one in ten. */
  static boolean changed(int i) {
    return i % 10 == 0;
  }

  /** The neutral customer {@code i} as every fake holds it. */
  static Customer stored(int i) {
    return Customer.builder().firstName(FIRST[i % FIRST.length]).lastName(LAST[(i / FIRST.length) % LAST.length])
        .email("customer" + i + "@example.com").phone(phone("70", i)).build();
  }

  /** What the sync sends for customer {@code i}: as stored, or with a new phone or first name. */
  static Customer sent(int i) {
    Customer c = stored(i);
    if (!changed(i)) {
      return c;
    }
    return (i / 10) % 2 == 0 ? c.toBuilder().phone(phone("73", i)).build()
        : c.toBuilder().firstName(FIRST[(i + 1) % FIRST.length]).build();
  }

  private static String phone(String prefix, int i) {
    String digits = String.format(Locale.ROOT, "%07d", i);
    return "+46 " + prefix + " " + digits.substring(0, 3) + " " + digits.substring(3, 5) + " " + digits.substring(5);
  }

  static UUID bokaMeraId(int i) {
    return new UUID(0x5f1c2d3e4a5b4c6dL, 0x8e9f000000000000L | i);
  }

  private static Stream<SyncItem> items(int n) {
    return IntStream.range(0, n).mapToObj(i -> new SyncItem("c" + i, sent(i), List.of(
        CustomerLink.of(BILLBEE, Long.toString(BILLBEE_FIRST_ID + i)),
        CustomerLink.of(BOKAMERA, bokaMeraId(i).toString()),
        CustomerLink.of(STORM, Integer.toString(STORM_FIRST_ID + i)))));
  }

  // ---- seeding ----------------------------------------------------------------------------

  private static void seed(int n, FakeBillbee billbee, FakeBokaMera bokaMera, FakeStorm storm) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    for (int i = 0; i < n; i++) {
      Customer c = stored(i);
      String first = c.firstName().orElseThrow();
      String last = c.lastName().orElseThrow();
      String email = c.email().orElseThrow();
      String phone = c.phone().orElseThrow();

      // Billbee's sample, with this customer's name, e-mail and phone in the fields and in their
      // MetaData entries and Default* copies (MetaData: mail, commercial mail, phone, mobile).
      ObjectNode bb = FakeBillbee.sampleCustomer(BILLBEE_FIRST_ID + i);
      bb.put("Name", first + " " + last).put("Email", email).put("Tel1", phone).put("Number", 4711 + i);
      ((ObjectNode) bb.get("MetaData").get(0)).put("Value", email);
      ((ObjectNode) bb.get("MetaData").get(2)).put("Value", phone);
      ((ObjectNode) bb.get("DefaultMailAddress")).put("Value", email);
      ((ObjectNode) bb.get("DefaultStatusUpdatesMailAddress")).put("Value", email);
      ((ObjectNode) bb.get("DefaultPhone1")).put("Value", phone);
      billbee.seed(bb);

      ObjectNode bm = f.objectNode().put("Firstname", first).put("Lastname", last).put("Email", email)
          .put("Phone", phone).put("SubscribedToNewsletter", i % 3 == 0);
      bm.putObject("InvoiceAddress").put("CorporateIdentityNumber", "").put("InvoiceAddress1", "Storgatan " + (1 + i % 90))
          .put("InvoiceAddress2", "").put("InvoiceCity", "Stockholm").put("InvoicePostalCode", "111 22")
          .put("InvoiceCountryCode", "SE");
      bm.putArray("CustomFieldValues").addObject().put("Id", 17).put("Column", "TextField1").put("Name", "Shoe size")
          .put("Description", "").put("Value", Integer.toString(36 + i % 10)).put("DataType", "TextBox");
      // Answered without its Id, as BokaMera does: a write that sent it back would create a new key.
      bm.putArray("AccessKeys").addObject().put("AccessKeyTypeId", 1).put("Value", "CARD-" + i)
          .put("Description", "Gym card");
      bokaMera.putCustomer(bokaMeraId(i), bm.toString());

      ObjectNode st = f.objectNode().put("Id", STORM_FIRST_ID + i).put("Code", "ERP-" + i).put("Email", email)
          .put("FirstName", first).put("LastName", last).put("Phone", phone).put("CellPhone", phone("76", i))
          .put("IsActive", true);
      st.putArray("Companies").addObject().put("Code", "C-" + i).put("Name", last + " " + i + " AB")
          .put("OrgNo", String.format(Locale.ROOT, "55%04d-%04d", i / 10_000, i % 10_000));
      st.putObject("InvoiceAddress").put("Line1", "Storgatan " + (1 + i % 90)).put("Zip", "111 22")
          .put("City", "Stockholm").put("Country", "SE");
      st.putArray("DeliveryAddresses").addObject().put("Line1", "Hamngatan 2").put("Zip", "111 47")
          .put("City", "Stockholm").put("Country", "SE");
      st.putArray("Flags").addObject().put("Id", 1).put("Name", "Newsletter").put("Group", 2).put("IsSelected", true);
      st.putArray("Info").addObject().put("Id", 10).put("Code", "ShoeSize").put("Value", Integer.toString(36 + i % 10));
      st.putArray("PricelistIds").add(12).add(14);
      storm.seedCustomer(st);
    }
  }

  // ---- one run ------------------------------------------------------------------------------

  private static Run run(Mode mode, int n, int scale, int concurrency) throws Exception {
    Map<String, Counts> counts = new LinkedHashMap<>();
    VENDORS.forEach(v -> counts.put(v, new Counts()));
    OkHttpClient http = new OkHttpClient.Builder()
        .connectionPool(new ConnectionPool(3 * concurrency, 5, TimeUnit.MINUTES)).build();
    try (FakeBillbee billbeeFake = new FakeBillbee().perEndpointPerSecond(2 * scale)
            .perKeyAndUserPerSecond(10 * scale).perKeyPerSecond(50 * scale).start();
        FakeBokaMera bokaMeraFake = new FakeBokaMera();
        FakeStorm stormFake = new FakeStorm().acceptStaticToken(STORM_TOKEN)) {
      bokaMeraFake.start();
      stormFake.start();
      seed(n, billbeeFake, bokaMeraFake, stormFake);
      BillbeeClient billbee = BillbeeClient.builder().baseUrl(billbeeFake.url("/").toString())
          .apiKey(FakeBillbee.DEFAULT_API_KEY).username(FakeBillbee.DEFAULT_USERNAME)
          .apiPassword(FakeBillbee.DEFAULT_API_PASSWORD).okHttpClient(http).rateLimiter(scaledBillbeeLimiter(scale))
          .listener(new Throttled(counts.get(BILLBEE))).build();
      BokaMeraClient bokaMera = BokaMeraClient.builder().baseUrl(bokaMeraFake.baseUrl()).apiKey(bokaMeraFake.apiKey())
          .accessToken(bokaMeraFake.issueAccessToken()).okHttpClient(http).rateLimiter(RateLimiter.unlimited())
          .listener(new Throttled(counts.get(BOKAMERA))).build();
      StormClient storm = StormClient.builder().baseUrl(stormFake.baseUrl().toString())
          .applicationId(FakeStorm.DEFAULT_APPLICATION_ID).accessToken(STORM_TOKEN).okHttpClient(http)
          .rateLimiter(RateLimiter.unlimited()).listener(new Throttled(counts.get(STORM))).build();
      List<CustomerUpdater> updaters = mode == Mode.LOSSLESS
          ? List.of(billbee.customerUpdater(), bokaMera.customerUpdater(), storm.customerUpdater())
          : List.of(AlwaysWriteUpdater.billbee(billbee), AlwaysWriteUpdater.bokaMera(bokaMera),
              AlwaysWriteUpdater.storm(storm));
      CustomerSync.Builder b = CustomerSync.builder();
      for (CustomerUpdater u : updaters) {
        b.updater(u).concurrency(u.vendor(), concurrency);
      }
      long start = System.nanoTime();
      SyncOptions options = SyncOptions.builder().outcomeListener((item, o) -> counts.get(o.vendor()).outcome(o)).build();
      SyncReport report;
      try (CustomerSync sync = b.build()) {
        report = sync.syncAll(items(n), options);
      } finally {
        billbee.close();
        bokaMera.close();
        storm.close();
      }

      RequestJournal bbJournal = billbeeFake.journal();
      counts.get(BILLBEE).reads = bbJournal.count(e -> e.method().equals("GET"));
      counts.get(BILLBEE).writes = bbJournal.count(e -> e.method().equals("PUT"));
      counts.get(BILLBEE).fakeThrottled = billbeeFake.throttledCount();
      RequestJournal bmJournal = bokaMeraFake.journal();
      counts.get(BOKAMERA).reads = bmJournal.count(e -> e.method().equals("GET") && e.path().equals("/customers"));
      counts.get(BOKAMERA).writes = bmJournal.count(e -> e.method().equals("PUT") && e.path().startsWith("/customers/"));
      counts.get(BOKAMERA).keysCreated = bokaMeraFake.keysCreated();
      RequestJournal stJournal = stormFake.journal();
      counts.get(STORM).reads = stJournal.count(e -> FakeStorm.getCustomerCalls().test(e.request()));
      counts.get(STORM).writes = stJournal.count(e -> FakeStorm.updateCustomerCalls().test(e.request()));
      counts.get(STORM).mails = stormFake.mailsSent();
      for (String v : VENDORS) {
        Counts c = counts.get(v);
        c.wallSeconds = (c.lastOutcomeNanos.get() - start) / 1e9;
        c.updated = report.count(v, VendorOutcome.Status.UPDATED);
        c.unchanged = report.count(v, VendorOutcome.Status.UNCHANGED);
        c.failed = report.count(v, VendorOutcome.Status.FAILED) + report.count(v, VendorOutcome.Status.CANCELLED);
      }
      if (!report.failures().isEmpty()) {
        System.out.println("B5 " + mode.label + " first failure: " + report.failures().get(0));
      }
      int changed = (int) IntStream.range(0, n).filter(MinimalWritesRun::changed).count();
      return new Run(n, changed, report.duration().toNanos() / 1e9, counts);
    } finally {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  /**
   * Billbee's client throttle as {@code BillbeeRateLimits.newLimiter} builds it, every rate times
   * {@code scale}: per endpoint, per key and user, per key, each at 5/6 of the fake's limit with a
   * burst of 1, the endpoint bucket asked first. Keys are {@code <key fp>:<user fp>|<endpoint>}.
   */
  static RateLimiter scaledBillbeeLimiter(int scale) {
    UnaryOperator<String> credential = k -> k.indexOf('|') < 0 ? k : k.substring(0, k.indexOf('|'));
    UnaryOperator<String> apiKey = k -> {
      String c = credential.apply(k);
      return c.indexOf(':') < 0 ? c : c.substring(0, c.indexOf(':'));
    };
    double safety = 5.0 / 6.0;
    return RateLimiter.allOf(
        TokenBucketRateLimiter.builder().permitsPerSecond(2.0 * scale * safety).burst(1).build(),
        TokenBucketRateLimiter.builder().permitsPerSecond(10.0 * scale * safety).burst(1).keyMapper(credential).build(),
        TokenBucketRateLimiter.builder().permitsPerSecond(50.0 * scale * safety).burst(1).keyMapper(apiKey).build());
  }

  /** Counts the 429 answers a client saw (retried or not). */
  private static final class Throttled implements VendorCallListener {
    private final Counts counts;

    Throttled(Counts counts) {
      this.counts = counts;
    }

    @Override
    public void attemptEnd(VendorCall call, int attempt, int status, Duration took) {
      if (status == 429) {
        counts.throttledSeen.incrementAndGet();
      }
    }
  }

  /** One vendor's figures in one run. */
  static final class Counts {
    final AtomicLong lastOutcomeNanos = new AtomicLong();
    final AtomicLong updateNanos = new AtomicLong();
    final AtomicLong outcomes = new AtomicLong();
    final AtomicLong throttledSeen = new AtomicLong();
    long reads;
    long writes;
    long mails;
    long keysCreated;
    long fakeThrottled;
    long throttled;
    long updated;
    long unchanged;
    long failed;
    double wallSeconds;

    void outcome(VendorOutcome o) {
      lastOutcomeNanos.accumulateAndGet(System.nanoTime(), Math::max);
      updateNanos.addAndGet(o.duration().toNanos());
      outcomes.incrementAndGet();
    }

    long calls() {
      return reads + writes;
    }

    double meanUpdateMillis() {
      return outcomes.get() == 0 ? Double.NaN : updateNanos.get() / 1e6 / outcomes.get();
    }
  }

  /** One measured run of one mode. */
  record Run(int customers, int changed, double seconds, Map<String, Counts> counts) {
    Run {
      for (Counts c : counts.values()) {
        c.throttled = c.throttledSeen.get();
      }
    }

    long calls() {
      return counts.values().stream().mapToLong(Counts::calls).sum();
    }

    long writes() {
      return counts.values().stream().mapToLong(c -> c.writes).sum();
    }

    /** What must hold; each broken rule in words. */
    List<String> check(Mode mode) {
      List<String> broken = new ArrayList<>();
      long expectedWrites = mode == Mode.LOSSLESS ? changed : customers;
      for (Map.Entry<String, Counts> e : counts.entrySet()) {
        String v = mode.label + " " + e.getKey();
        Counts c = e.getValue();
        if (c.failed != 0) {
          broken.add(v + ": " + c.failed + " updates failed");
        }
        if (c.reads != customers) {
          broken.add(v + ": " + c.reads + " reads for " + customers + " customers");
        }
        if (c.writes != expectedWrites) {
          broken.add(v + ": " + c.writes + " writes, expected " + expectedWrites);
        }
        if (mode == Mode.LOSSLESS && (c.updated != changed || c.unchanged != customers - changed)) {
          broken.add(v + ": " + c.updated + " updated and " + c.unchanged + " unchanged, expected " + changed + " and "
              + (customers - changed));
        }
        if (c.throttled != c.fakeThrottled && e.getKey().equals(BILLBEE)) {
          broken.add(v + ": the client saw " + c.throttled + " 429s, the fake sent " + c.fakeThrottled);
        }
      }
      if (counts.get(STORM).mails != 0) {
        broken.add(mode.label + " storm: " + counts.get(STORM).mails + " mails sent");
      }
      if (counts.get(BOKAMERA).keysCreated != 0) {
        broken.add(mode.label + " bokamera: " + counts.get(BOKAMERA).keysCreated + " access keys created");
      }
      return broken;
    }
  }
}
