package dev.customersync.core;

/**
 * The root of every exception customer-sync throws. All are unchecked, so callers catch what they
 * can act on ({@link RateLimitException}, {@link NotFoundException}, ...) and let the rest travel.
 */
public class CustomerSyncException extends RuntimeException {

  /** With a message that says what failed. */
  public CustomerSyncException(String message) {
    super(message);
  }

  /** With a message and the underlying cause. */
  public CustomerSyncException(String message, Throwable cause) {
    super(message, cause);
  }
}
