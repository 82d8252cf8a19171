package dev.customersync.core;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The client-side {@link RateLimiter} gave no permit within the configured wait ({@code
 * rateLimitTimeout}), so the attempt was never sent. The vendor did not answer and did not throttle
 * anyone: this is not a {@link VendorApiException} and carries no HTTP status, unlike a {@link
 * RateLimitException}, which is the vendor answering 429. Lower the concurrency sharing the
 * limiter, raise the timeout, or try later: it is always {@link #retryable()}.
 *
 * <p>{@link #attempts()} counts the attempts of the same call that were made before the permit ran
 * out (0 when nothing was sent at all); {@link #mayHaveReachedVendor()} says whether one of those
 * may have reached the vendor.
 */
public class RateLimitTimeoutException extends CustomerSyncException {

  /** The vendor the request was meant for. */
  private final String vendor;
  /** How long the caller waited for a permit. */
  private final Duration waited;
  /** Attempts of the same call made before the permit ran out. */
  private final int attempts;
  /** Whether one of those attempts may have reached the vendor. */
  private final boolean mayHaveReachedVendor;

  /**
   * @param message what was not sent and why, without secrets
   * @param vendor the vendor the request was meant for
   * @param waited how long the caller waited for a permit
   * @param attempts attempts of the same call made before this one could not get a permit
   * @param mayHaveReachedVendor whether one of those earlier attempts may have reached the vendor
   */
  public RateLimitTimeoutException(String message, String vendor, Duration waited, int attempts,
      boolean mayHaveReachedVendor) {
    this(message, vendor, waited, attempts, mayHaveReachedVendor, null);
  }

  /**
   * @param message what was not sent and why, without secrets
   * @param vendor the vendor the request was meant for
   * @param waited how long the caller waited for a permit
   * @param attempts attempts of the same call made before this one could not get a permit
   * @param mayHaveReachedVendor whether one of those earlier attempts may have reached the vendor
   * @param operation what the call was doing, or null when unknown
   */
  public RateLimitTimeoutException(String message, String vendor, Duration waited, int attempts,
      boolean mayHaveReachedVendor, @Nullable VendorOperation operation) {
    super(message, null, operation);
    this.vendor = Objects.requireNonNull(vendor, "vendor");
    this.waited = Objects.requireNonNull(waited, "waited");
    this.attempts = attempts;
    this.mayHaveReachedVendor = mayHaveReachedVendor;
  }

  /** {@return the vendor the request was meant for, e.g. {@code "billbee"}} */
  public String vendor() {
    return vendor;
  }

  /** {@return how long the caller waited for a permit before giving up} */
  public Duration waited() {
    return waited;
  }

  /**
   * {@return how many attempts of the same call were made before the permit ran out} 0 when no
   * request was sent at all.
   */
  public int attempts() {
    return attempts;
  }

  /** {@return true: the permit may come in time later, e.g. with less concurrency} */
  @Override
  public boolean retryable() {
    return true;
  }

  /**
   * {@return true when an earlier attempt of the same call was sent, so the vendor may have acted
   * on it}
   */
  @Override
  public boolean mayHaveReachedVendor() {
    return mayHaveReachedVendor;
  }
}
