package dev.customersync.benchmarks;

import dev.customersync.core.Customer;
import dev.customersync.core.CustomerSyncException;
import dev.customersync.core.CustomerUpdater;
import dev.customersync.core.RateLimiter;
import dev.customersync.core.VendorCall;
import dev.customersync.core.VendorCallListener;
import dev.customersync.micrometer.MicrometerVendorCallListener;
import dev.customersync.micrometer.ObservationVendorCallListener;
import dev.customersync.testkit.NoDelayServerSocketFactory;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;

/**
 * B1 with and without a listener: the same SDK update ({@link SingleUpdateBenchmark#sdkUpdate}'s
 * read, merge, write) through five clients that differ only in their listener, interleaved call by
 * call in a shuffled order with {@link PairedUpdateRun}'s loop, so every ratio compares calls made
 * under the same machine conditions:
 *
 * <ol>
 *   <li>no listener (the default, {@code VendorCallListener.Factory.none()});
 *   <li>no listener again, a second identical client: its ratio to the first is the run's noise;
 *   <li>a real listener that only counts events in a {@link LongAdder}: the SPI's own cost;
 *   <li>{@link MicrometerVendorCallListener} on a {@link SimpleMeterRegistry};
 *   <li>{@link ObservationVendorCallListener} on an {@link ObservationRegistry} whose {@link
 *       DefaultMeterObservationHandler} records into a {@link SimpleMeterRegistry}, with the extra
 *       meters on the same registry.
 * </ol>
 *
 * <p>Writes a Markdown fragment to the path given as the first argument; {@code -Db1.rounds} and
 * {@code -Db1.warmup} set the measured and warm-up rounds, as for {@link PairedUpdateRun}.
 */
public final class PairedListenerRun {

  private static final String[] NAMES = {"none", "none again", "counting", "Micrometer meters", "Observation"};

  private PairedListenerRun() {}

  public static void main(String[] args) throws Exception {
    int rounds = Integer.getInteger("b1.rounds", 10_000);
    int warmup = Integer.getInteger("b1.warmup", 5_000);
    Customer change = Customer.builder().phone("+46 70 123 45 67").email("ada.lovelace@example.com").build();
    StringBuilder md = new StringBuilder();
    for (CannedVendor vendor : CannedVendor.values()) {
      CountingListener counting = new CountingListener();
      SimpleMeterRegistry meters = new SimpleMeterRegistry();
      SimpleMeterRegistry observed = new SimpleMeterRegistry();
      ObservationRegistry observations = ObservationRegistry.create();
      observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(observed));
      VendorCallListener.Factory[] listeners = {
          VendorCallListener.Factory.none(),
          VendorCallListener.Factory.none(),
          VendorCallListener.Factory.of(counting),
          VendorCallListener.Factory.of(MicrometerVendorCallListener.of(meters)),
          ObservationVendorCallListener.builder(observations).meterRegistry(observed).build()};

      try (MockWebServer server = new MockWebServer()) {
        server.setServerSocketFactory(new NoDelayServerSocketFactory());
        server.setDispatcher(vendor.dispatcher(Duration.ZERO));
        server.start();
        OkHttpClient http = new OkHttpClient();
        AutoCloseable[][] owned = new AutoCloseable[listeners.length][1];
        PairedUpdateRun.Call[] calls = new PairedUpdateRun.Call[listeners.length];
        for (int i = 0; i < listeners.length; i++) {
          CustomerUpdater updater = vendor.updater(server.url("/").toString(), http, RateLimiter.unlimited(), owned[i],
              listeners[i]);
          calls[i] = () -> updater.update(vendor.customerId, change);
        }
        // Shuffled, not rotated: rotating, "none" would always follow the Observation client and
        // pay for its garbage, which flattered every ratio by 1-2 % in a first run.
        PairedUpdateRun.Measured m = PairedUpdateRun.interleave(calls, rounds, warmup, () -> {
          // MockWebServer keeps every request it saw; drop them so memory does not grow over a run.
          while (server.takeRequest(0, TimeUnit.MILLISECONDS) != null) {
            // draining
          }
        }, new Random(20261130L));
        for (AutoCloseable[] o : owned) {
          o[0].close();
        }
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();

        // The listeners really ran: otherwise the ratios would measure nothing.
        long updates = warmup + rounds;
        if (counting.events.sum() < updates * 8 || meters.get(MicrometerVendorCallListener.REQUESTS).timers()
            .stream().mapToLong(t -> t.count()).sum() != updates * 2
            || observed.get(MicrometerVendorCallListener.REQUESTS).timers().stream().mapToLong(t -> t.count()).sum()
                != updates * 2) {
          throw new IllegalStateException(vendor + ": a listener did not see every call");
        }
        double[] med = m.medianMicros;
        double[] cpu = m.cpuMicrosPerCall;
        md.append(String.format(Locale.ROOT,
            "| %s | %.1f | %.3f | %.3f | %.3f | %.3f | %.1f | %.3f | %.3f | %.3f | %.3f |%n",
            vendor.name().toLowerCase(Locale.ROOT), med[0], med[1] / med[0], med[2] / med[0], med[3] / med[0],
            med[4] / med[0], cpu[0], cpu[1] / cpu[0], cpu[2] / cpu[0], cpu[3] / cpu[0], cpu[4] / cpu[0]));
        StringBuilder line = new StringBuilder("B1 listener " + vendor + ": median µs");
        for (int i = 0; i < NAMES.length; i++) {
          line.append(String.format(Locale.ROOT, " %s %.1f", NAMES[i], med[i]));
        }
        System.out.println(line);
      }
    }
    Files.writeString(Path.of(args[0]), md.toString());
  }

  /** A real listener doing the least a listener can: it counts events. */
  private static final class CountingListener implements VendorCallListener {
    final LongAdder events = new LongAdder();

    @Override
    public void callStart(VendorCall call) {
      events.increment();
    }

    @Override
    public void attemptStart(VendorCall call, int attempt) {
      events.increment();
    }

    @Override
    public void tokenAcquired(VendorCall call, int attempt, Duration waited) {
      events.increment();
    }

    @Override
    public void permitWaited(VendorCall call, int attempt, Duration waited) {
      events.increment();
    }

    @Override
    public void attemptEnd(VendorCall call, int attempt, int status, Duration took) {
      events.increment();
    }

    @Override
    public void callEnd(VendorCall call, int status, int attempts, Duration took) {
      events.increment();
    }

    @Override
    public void callFailed(VendorCall call, CustomerSyncException error, int attempts, Duration took) {
      events.increment();
    }
  }
}
