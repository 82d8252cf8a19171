package dev.customersync.core;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * A vendor's limit table: the {@link RateLimitRule}s every request must pass, in the order a
 * limiter asks them. A vendor module publishes its table (e.g. {@code BillbeeRateLimits.rules()}),
 * and both the in-memory limiter ({@link #newLimiter()}) and a distributed one are built from it,
 * so the numbers live in one place.
 *
 * <p>A table may be empty: BokaMera and Storm publish no API limits, so their clients are
 * unthrottled by default and have no table. Immutable and thread-safe.
 */
public final class RateLimits {

  private static final Pattern VENDOR = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

  private final String vendor;
  private final List<RateLimitRule> rules;

  private RateLimits(String vendor, List<RateLimitRule> rules) {
    this.vendor = vendor;
    this.rules = rules;
  }

  /**
   * A table of {@code rules}, asked in the order given.
   *
   * @param vendor the vendor's short name, e.g. {@code "billbee"} (it becomes part of shared bucket
   *     names: lower-case letters, digits and {@code -})
   * @param rules the rules, in the order a limiter asks them
   * @return the table
   * @throws IllegalArgumentException when the vendor name is malformed or two rules share a name
   */
  public static RateLimits of(String vendor, List<RateLimitRule> rules) {
    Objects.requireNonNull(vendor, "vendor");
    if (!VENDOR.matcher(vendor).matches()) {
      throw new IllegalArgumentException("vendor must be 1-40 lower-case letters, digits or '-', was \"" + vendor + "\"");
    }
    List<RateLimitRule> copy = List.copyOf(rules);
    Set<String> names = new HashSet<>();
    for (RateLimitRule r : copy) {
      if (!names.add(r.name())) {
        throw new IllegalArgumentException("two rules are named \"" + r.name() + "\"");
      }
    }
    return new RateLimits(vendor, copy);
  }

  /**
   * {@link #of(String, List)} with the rules as arguments.
   *
   * @param vendor the vendor's short name
   * @param rules the rules, in the order a limiter asks them
   * @return the table
   */
  public static RateLimits of(String vendor, RateLimitRule... rules) {
    return of(vendor, List.of(rules));
  }

  /** {@return the vendor whose limits these are} */
  public String vendor() {
    return vendor;
  }

  /** {@return the rules, in the order a limiter asks them} */
  public List<RateLimitRule> rules() {
    return rules;
  }

  /** {@return whether the table has no rule: nothing to throttle} */
  public boolean isEmpty() {
    return rules.isEmpty();
  }

  /**
   * Every rule at {@code factor} times its rate (see {@link RateLimitRule#scaled}).
   *
   * @param factor how many times the rate, positive
   * @return the scaled table
   */
  public RateLimits scaled(double factor) {
    List<RateLimitRule> scaled = new ArrayList<>(rules.size());
    for (RateLimitRule r : rules) {
      scaled.add(r.scaled(factor));
    }
    return new RateLimits(vendor, List.copyOf(scaled));
  }

  /**
   * A new in-memory limiter for this table: one {@link TokenBucketRateLimiter} per rule, asked in
   * order ({@link RateLimiter#allOf}), each with its own buckets; {@link RateLimiter#unlimited()}
   * for an empty table. Only this process counts against it.
   *
   * @return the limiter
   */
  public RateLimiter newLimiter() {
    return newLimiter(System::nanoTime, Sleeper.system());
  }

  /**
   * {@link #newLimiter()} with a clock and sleeper of the caller's, e.g. fakes in tests.
   *
   * @param nanoClock a monotonic clock like {@link System#nanoTime()}
   * @param sleeper how to wait
   * @return the limiter
   */
  public RateLimiter newLimiter(LongSupplier nanoClock, Sleeper sleeper) {
    Objects.requireNonNull(nanoClock, "nanoClock");
    Objects.requireNonNull(sleeper, "sleeper");
    if (rules.isEmpty()) {
      return RateLimiter.unlimited();
    }
    RateLimiter[] limiters = new RateLimiter[rules.size()];
    for (int i = 0; i < limiters.length; i++) {
      RateLimitRule r = rules.get(i);
      limiters[i] = TokenBucketRateLimiter.builder()
          .permitsPerSecond(r.permitsPerSecond())
          .burst(r.burst())
          .nanoClock(nanoClock)
          .sleeper(sleeper)
          .keyMapper(r.bucketKeyMapper())
          .build();
    }
    return limiters.length == 1 ? limiters[0] : RateLimiter.allOf(limiters);
  }

  @Override
  public String toString() {
    return "RateLimits{" + vendor + ", " + rules + "}";
  }
}
