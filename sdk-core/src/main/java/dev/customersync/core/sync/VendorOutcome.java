package dev.customersync.core.sync;

import dev.customersync.core.CustomerSyncException;
import dev.customersync.core.RateLimitTimeoutException;
import dev.customersync.core.TransportException;
import dev.customersync.core.UpdateResult;
import dev.customersync.core.VendorApiException;
import dev.customersync.core.VendorServerException;
import java.time.Duration;
import java.util.Optional;

/**
 * What happened to one customer at one vendor during a sync: updated (with the {@link
 * UpdateResult}), failed (with the exception's type, the vendor's status, code and message, and the
 * attempts made), or cancelled before it was tried.
 */
public record VendorOutcome(
    String vendor,
    String customerId,
    Status status,
    UpdateResult result,
    CustomerSyncException error,
    int attempts,
    Duration duration) {

  /** How a vendor update ended. */
  public enum Status {
    /** The vendor confirmed the update. */
    UPDATED,
    /** The update failed; {@link #error()} says why. The vendor may or may not hold the change. */
    FAILED,
    /** The sync was cancelled before this update was sent; the vendor is unchanged. */
    CANCELLED
  }

  static VendorOutcome updated(CustomerLink link, UpdateResult result, Duration duration) {
    return new VendorOutcome(link.vendor(), link.customerId(), Status.UPDATED, result, null, result.attempts(), duration);
  }

  static VendorOutcome failed(CustomerLink link, CustomerSyncException error, Duration duration) {
    return new VendorOutcome(link.vendor(), link.customerId(), Status.FAILED, null, error, attemptsOf(error), duration);
  }

  static VendorOutcome cancelled(CustomerLink link) {
    return new VendorOutcome(link.vendor(), link.customerId(), Status.CANCELLED, null, null, 0, Duration.ZERO);
  }

  /** The update's result when it succeeded. */
  public Optional<UpdateResult> resultIfUpdated() {
    return Optional.ofNullable(result);
  }

  /** The failure when it failed. */
  public Optional<CustomerSyncException> errorIfFailed() {
    return Optional.ofNullable(error);
  }

  /** True when the vendor confirmed the update. */
  public boolean isUpdated() {
    return status == Status.UPDATED;
  }

  /** The simple name of the failure's type, e.g. {@code VendorServerException}, or empty. */
  public Optional<String> errorType() {
    return Optional.ofNullable(error).map(e -> e.getClass().getSimpleName());
  }

  /** The vendor's error code when the failure carries one. */
  public Optional<String> errorCode() {
    return error instanceof VendorApiException v ? v.errorCode() : Optional.empty();
  }

  /** The HTTP status when the vendor answered. */
  public Optional<Integer> statusCode() {
    return error instanceof VendorApiException v ? Optional.of(v.statusCode()) : Optional.empty();
  }

  /**
   * For a failure that knows it, whether the update may have reached the vendor anyway, so the
   * vendor may hold the change: {@link TransportException#mayHaveReachedVendor()}. Empty for other
   * failures and for updates that did not fail.
   */
  public Optional<Boolean> mayHaveReachedVendor() {
    if (error instanceof TransportException t) {
      return Optional.of(t.mayHaveReachedVendor());
    }
    // No permit in time: an earlier attempt of the same update may still have been sent.
    if (error instanceof RateLimitTimeoutException r) {
      return Optional.of(r.mayHaveReachedVendor());
    }
    return Optional.empty();
  }

  static int attemptsOf(CustomerSyncException e) {
    if (e instanceof VendorApiException v) {
      return v.attempts();
    }
    if (e instanceof TransportException t) {
      return t.attempts();
    }
    if (e instanceof RateLimitTimeoutException r) {
      return r.attempts();
    }
    return 0;
  }
}
