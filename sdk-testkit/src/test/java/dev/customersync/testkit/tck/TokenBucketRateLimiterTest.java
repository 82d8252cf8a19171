package dev.customersync.testkit.tck;

import dev.customersync.core.RateLimiter;
import dev.customersync.core.RateLimits;

/** The in-memory limiter a vendor's table builds ({@link RateLimits#newLimiter()}) meets the contract. */
class TokenBucketRateLimiterTest extends RateLimiterContract {

  @Override
  protected RateLimiter limiter(RateLimits limits) {
    return limits.newLimiter();
  }
}
