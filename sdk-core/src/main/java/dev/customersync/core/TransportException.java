package dev.customersync.core;

/**
 * No usable answer came back: the connection failed, was reset, or a timeout passed (connect,
 * read, write or the whole call), on every attempt the retry policy allowed. When a write may have
 * reached the vendor, {@link #mayHaveReachedVendor()} says so: the vendor may hold the change.
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
    super(message, cause);
    this.attempts = attempts;
    this.mayHaveReachedVendor = mayHaveReachedVendor;
  }

  /** {@return how many HTTP attempts were made} */
  public int attempts() {
    return attempts;
  }

  /**
   * {@return true when the request was at least partly sent on any attempt (or an attempt was
   * answered)} The vendor may then have acted on it.
   */
  public boolean mayHaveReachedVendor() {
    return mayHaveReachedVendor;
  }
}
