package dev.customersync.core.sync;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * How a bulk sync reports progress: the listener, how often it is called, and (for an ETA) how
 * many customers the source holds.
 */
public final class SyncOptions {

  private static final SyncOptions DEFAULTS = builder().build();

  private final SyncListener listener;
  private final Duration progressInterval;
  private final Long expectedItems;
  private final Clock clock;

  private SyncOptions(Builder b) {
    this.listener = b.listener;
    this.progressInterval = b.progressInterval;
    this.expectedItems = b.expectedItems;
    this.clock = b.clock;
  }

  /** No listener. */
  public static SyncOptions defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  public SyncListener listener() {
    return listener;
  }

  /** Minimum time between two progress calls; default 500 ms. */
  public Duration progressInterval() {
    return progressInterval;
  }

  public OptionalLong expectedItems() {
    return expectedItems == null ? OptionalLong.empty() : OptionalLong.of(expectedItems);
  }

  public Clock clock() {
    return clock;
  }

  /** Builds {@link SyncOptions}. */
  public static final class Builder {
    private SyncListener listener = SyncListener.none();
    private Duration progressInterval = Duration.ofMillis(500);
    private Long expectedItems;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    public Builder listener(SyncListener listener) {
      this.listener = Objects.requireNonNull(listener);
      return this;
    }

    public Builder progressInterval(Duration interval) {
      this.progressInterval = Objects.requireNonNull(interval);
      return this;
    }

    /** How many customers the source will yield, so progress can carry an ETA. */
    public Builder expectedItems(long expectedItems) {
      this.expectedItems = expectedItems;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    public SyncOptions build() {
      return new SyncOptions(this);
    }
  }
}
