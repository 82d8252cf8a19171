package dev.customersync.redis.internal;

import io.github.bucket4j.TimeMeter;
import java.time.Instant;

/**
 * The time Bucket4j measures shared buckets with: the wall clock, since every process must read
 * the same time, at the microsecond precision {@link Instant#now()} has on Java 17 (Bucket4j's own
 * {@code SYSTEM_MILLISECONDS} would round a 10 ms spacing by up to a tenth). Instances on different
 * machines need synchronized clocks (NTP): a clock ahead of the others takes permits early.
 */
public enum WallClock implements TimeMeter {
  /** The one instance. */
  INSTANCE;

  @Override
  public long currentTimeNanos() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }

  @Override
  public boolean isWallClockBased() {
    return true;
  }
}
