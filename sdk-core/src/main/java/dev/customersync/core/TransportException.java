package dev.customersync.core;

import org.jspecify.annotations.Nullable;

/**
 * No usable answer came back: the connection failed, was reset, or a timeout passed (connect,
 * read, write or the whole call), on every attempt the retry policy allowed. Always {@link
 * #retryable()}. When the request may have reached the vendor, {@link #mayHaveReachedVendor()}
 * says so: after a write, the vendor may hold the change.
 */
public class TransportException extends CustomerSyncException {

  /** How many HTTP attempts were made. */
  private final int attempts;
  /** Whether any attempt's request may have reached the vendor. */
  private final boolean mayHaveReachedVendor;

  /**
   * @param message what failed, without secrets
   * @param cause the I/O failure
   * @param attempts how many attempts were made
   * @param mayHaveReachedVendor whether any attempt's request may have reached the vendor
   */
  public TransportException(String message, Throwable cause, int attempts, boolean mayHaveReachedVendor) {
    this(message, cause, attempts, mayHaveReachedVendor, null);
  }

  /**
   * @param message what failed, without secrets
   * @param cause the I/O failure
   * @param attempts how many attempts were made
   * @param mayHaveReachedVendor whether any attempt's request may have reached the vendor
   * @param operation what the failed call was doing, or null when unknown
   */
  public TransportException(String message, Throwable cause, int attempts, boolean mayHaveReachedVendor,
      @Nullable VendorOperation operation) {
    super(message, cause, operation);
    this.attempts = attempts;
    this.mayHaveReachedVendor = mayHaveReachedVendor;
  }

  /** {@return how many HTTP attempts were made} */
  public int attempts() {
    return attempts;
  }

  /** {@return true: a network failure or timeout may pass} */
  @Override
  public boolean retryable() {
    return true;
  }

  /**
   * {@return true when the request was at least partly sent on any attempt (or an attempt was
   * answered)} The vendor may then have acted on it; for a read that changes nothing.
   */
  @Override
  public boolean mayHaveReachedVendor() {
    return mayHaveReachedVendor;
  }
}
