package dev.customersync.core;

import java.util.Locale;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * One line of a vendor's limit table: a token bucket of {@code permitsPerSecond} refilled
 * continuously up to {@code burst} permits, one bucket per bucket key. A request's permit key
 * (built by the client from a credential fingerprint and the endpoint group, e.g. {@code
 * "3f2a…:9b1c…|api/v1/customers/{id}"}) maps to the bucket it counts against; a rule that counts
 * per API key maps every endpoint of that key to one bucket key.
 *
 * <p>A rule only describes the limit. {@link RateLimits#newLimiter()} builds the in-memory limiter
 * from it, and a distributed limiter (the Redis module's {@code RedisRateLimiter}) builds shared
 * buckets from the same rule, so an application never restates a vendor's numbers. The key
 * mapping is code: every process running the same release maps a key the same way.
 *
 * <p>Immutable and thread-safe; the key mapping must be a pure function.
 */
public final class RateLimitRule {

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

  private final String name;
  private final double permitsPerSecond;
  private final long burst;
  private final UnaryOperator<String> bucketKey;

  private RateLimitRule(String name, double permitsPerSecond, long burst, UnaryOperator<String> bucketKey) {
    this.name = name;
    this.permitsPerSecond = permitsPerSecond;
    this.burst = burst;
    this.bucketKey = bucketKey;
  }

  /**
   * A rule.
   *
   * @param name short, lower-case letters, digits and {@code -} (it becomes part of shared bucket
   *     names), e.g. {@code "per-endpoint"}
   * @param permitsPerSecond the sustained rate the limiter enforces, positive and finite
   * @param burst permits that may be taken at once after a quiet spell, at least 1
   * @param bucketKey maps a request's permit key to the key of the bucket it counts against
   * @return the rule
   * @throws IllegalArgumentException when a value is out of range
   */
  public static RateLimitRule of(String name, double permitsPerSecond, long burst, UnaryOperator<String> bucketKey) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(bucketKey, "bucketKey");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("rule name must be 1-40 lower-case letters, digits or '-', was \"" + name + "\"");
    }
    if (!(permitsPerSecond > 0) || Double.isInfinite(permitsPerSecond)) {
      throw new IllegalArgumentException("permitsPerSecond must be positive, was " + permitsPerSecond);
    }
    if (burst < 1) {
      throw new IllegalArgumentException("burst must be at least 1, was " + burst);
    }
    return new RateLimitRule(name, permitsPerSecond, burst, bucketKey);
  }

  /** {@return the rule's name, unique within its {@link RateLimits}} */
  public String name() {
    return name;
  }

  /** {@return the sustained rate this rule lets through, in permits per second} */
  public double permitsPerSecond() {
    return permitsPerSecond;
  }

  /** {@return the permits that may be taken at once after a quiet spell} */
  public long burst() {
    return burst;
  }

  /**
   * The key of the bucket a request counts against.
   *
   * @param permitKey the request's permit key (credential fingerprint and endpoint group)
   * @return the bucket's key
   */
  public String bucketKey(String permitKey) {
    return Objects.requireNonNull(bucketKey.apply(permitKey), "bucket key");
  }

  /** {@return the key mapping itself, e.g. to hand to {@link TokenBucketRateLimiter.Builder#keyMapper}} */
  public UnaryOperator<String> bucketKeyMapper() {
    return bucketKey;
  }

  /**
   * The same rule at {@code factor} times the rate, burst unchanged: a fake vendor's limits scaled
   * up for a quick test, or one instance's share ({@code 1.0 / n}) of a limit n instances share.
   *
   * @param factor how many times the rate, positive
   * @return the scaled rule
   */
  public RateLimitRule scaled(double factor) {
    if (!(factor > 0) || Double.isInfinite(factor)) {
      throw new IllegalArgumentException("factor must be positive, was " + factor);
    }
    return new RateLimitRule(name, permitsPerSecond * factor, burst, bucketKey);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s: %.3f/s, burst %d", name, permitsPerSecond, burst);
  }
}
