package dev.customersync.micrometer;

import dev.customersync.core.sync.OutcomeListener;
import dev.customersync.core.sync.SyncItem;
import dev.customersync.core.sync.VendorOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;

/**
 * Counts a sync run's outcomes in {@value #SYNC_ITEMS}, tagged {@code vendor} and {@code status}
 * ({@code UPDATED}, {@code UNCHANGED}, {@code WOULD_CHANGE}, {@code FAILED}, {@code CANCELLED}):
 * one increment per customer per vendor. Give it to {@code SyncOptions.builder().outcomeListener(..)}.
 *
 * <pre>{@code
 * SyncReport report = sync.syncAll(items, SyncOptions.builder()
 *     .outcomeListener(MicrometerOutcomeListener.of(meterRegistry))
 *     .build());
 * }</pre>
 *
 * <p>The customer id, the item key and the failure's text are never recorded. To keep an outcome
 * listener of your own as well, call both from one lambda. Thread-safe and stateless; a registry
 * that refuses the counter is logged once and never stops the run.
 */
public final class MicrometerOutcomeListener implements OutcomeListener {

  /** The counter of per-vendor outcomes. */
  public static final String SYNC_ITEMS = "customersync.sync.items";

  private final MeterRegistry registry;

  private MicrometerOutcomeListener(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  /**
   * A listener counting outcomes.
   *
   * @param registry where the counter is registered
   * @return a listener for {@code SyncOptions.Builder.outcomeListener(..)}
   */
  public static MicrometerOutcomeListener of(MeterRegistry registry) {
    return new MicrometerOutcomeListener(registry);
  }

  /** Counts {@code outcome} under its vendor and status. */
  @Override
  public void onOutcome(SyncItem item, VendorOutcome outcome) {
    try {
      Counter.builder(SYNC_ITEMS)
          .description("Sync outcomes, one per customer per vendor")
          .tag("vendor", outcome.vendor())
          .tag("status", outcome.status().name())
          .register(registry)
          .increment();
    } catch (RuntimeException e) {
      ListenerFailures.ignored(SYNC_ITEMS, e);
    }
  }
}
