package dev.customersync.core;

/** The vendor kept throttling (HTTP 429) after the retry policy's attempts, or asked for a wait longer than the policy's cap, or the client-side rate limiter could not grant a permit in time. {@link #retryAfter()} says how long the vendor asked to wait, when it said. */
public class RateLimitException extends VendorApiException {

  /** Built by {@link VendorApiException.Builder}. */
  public RateLimitException(VendorApiException.Builder builder) {
    super(builder);
  }
}
