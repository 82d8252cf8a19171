package dev.customersync.core;

/**
 * The vendor kept throttling (HTTP 429) after the retry policy's attempts, or answered 429 asking
 * for a wait longer than the policy's cap. {@link #retryAfter()} says how long the vendor asked to
 * wait, when it said; always {@link #retryable()} after that wait. The client-side rate limiter
 * running out of time is a {@link RateLimitTimeoutException} instead: the vendor never saw that
 * request.
 */
public class RateLimitException extends VendorApiException {

  /**
   * Built by {@link VendorApiException.Builder}.
   *
   * @param builder the failure's vendor, status, code, message, body and attempts
   */
  public RateLimitException(VendorApiException.Builder builder) {
    super(builder);
  }

  /** {@return true: throttling passes, best after {@link #retryAfter()}} */
  @Override
  public boolean retryable() {
    return true;
  }
}
