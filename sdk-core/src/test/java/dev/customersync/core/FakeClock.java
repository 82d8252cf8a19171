package dev.customersync.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves only when told to, with a sleeper that advances it and records each wait. */
public final class FakeClock extends Clock {

  private final AtomicLong nanos = new AtomicLong();
  private final Instant origin;
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  public FakeClock(Instant origin) {
    this.origin = origin;
  }

  public FakeClock() {
    this(Instant.parse("2026-01-15T10:00:00Z"));
  }

  public void advance(Duration d) {
    nanos.addAndGet(d.toNanos());
  }

  public long nanoTime() {
    return nanos.get();
  }

  /** Sleeps by advancing this clock. */
  public Sleeper sleeper() {
    return d -> {
      sleeps.add(d);
      advance(d);
    };
  }

  /** Every wait asked of {@link #sleeper()}, in order. */
  public List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return origin.plusNanos(nanos.get());
  }
}
