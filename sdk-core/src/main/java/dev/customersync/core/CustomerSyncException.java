package dev.customersync.core;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The root of every exception customer-sync throws. All are unchecked.
 *
 * <p>Every one answers the three questions a caller decides on, so no chain of {@code instanceof}
 * checks is needed:
 *
 * <ul>
 *   <li>{@link #retryable()}: is it worth trying again later? True for transient vendor or network
 *       conditions (5xx, 429, a client-side rate-limit wait that ran out, a connection failure or
 *       timeout); false for what will fail the same way again (invalid data, a 4xx refusal, not
 *       found, an archived customer, an ambiguous match, a wrong customer in an answer).
 *   <li>{@link #operation()}: what failed: the read or the write of an update, a find, a create,
 *       the token endpoint; empty when no vendor call was involved (input rejected before sending).
 *   <li>{@link #mayHaveReachedVendor()}: may the vendor hold a change anyway? Check (read or find)
 *       before sending a create again when true.
 * </ul>
 *
 * Subtypes still name the common cases ({@link RateLimitException}, {@link NotFoundException},
 * ...) for callers who want them.
 */
public class CustomerSyncException extends RuntimeException {

  /** What the failed call was doing, or null when unknown or no vendor call was involved. */
  private final @Nullable VendorOperation operation;

  /**
   * With a message that says what failed.
   *
   * @param message what failed, without secrets
   */
  public CustomerSyncException(String message) {
    this(message, null, null);
  }

  /**
   * With a message and the underlying cause.
   *
   * @param message what failed, without secrets
   * @param cause the underlying failure
   */
  public CustomerSyncException(String message, @Nullable Throwable cause) {
    this(message, cause, null);
  }

  /**
   * With a message, the underlying cause and what the failed call was doing.
   *
   * @param message what failed, without secrets
   * @param cause the underlying failure, or null
   * @param operation what the failed call was doing, or null when unknown
   */
  protected CustomerSyncException(String message, @Nullable Throwable cause, @Nullable VendorOperation operation) {
    super(message, cause);
    this.operation = operation;
  }

  /**
   * {@return true when the failure is a transient vendor or network condition, so the same call may
   * succeed later} False here; the transient types (server errors, throttling, transport failures,
   * rate-limit waits) say true.
   */
  public boolean retryable() {
    return false;
  }

  /**
   * {@return what the failed call was doing: reading, writing, finding, creating, fetching a token}
   * Empty when no vendor call was involved, e.g. input rejected before anything was sent.
   */
  public Optional<VendorOperation> operation() {
    return Optional.ofNullable(operation);
  }

  /**
   * {@return true when a request of the failed call may have reached the vendor and been acted on,
   * so the vendor may hold the change} False here: nothing was sent, or the vendor's answer says
   * it did not act. Transport failures say true whenever bytes may have left this process; a
   * vendor's answer says true for a 5xx to a write (or when an earlier attempt of the write got
   * one).
   */
  public boolean mayHaveReachedVendor() {
    return false;
  }
}
