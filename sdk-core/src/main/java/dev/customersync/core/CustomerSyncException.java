package dev.customersync.core;

/**
 * The root of every exception customer-sync throws. All are unchecked, so callers catch what they
 * can act on ({@link RateLimitException}, {@link NotFoundException}, ...) and let the rest travel.
 */
public class CustomerSyncException extends RuntimeException {

  /**
   * With a message that says what failed.
   *
   * @param message what failed, without secrets
   */
  public CustomerSyncException(String message) {
    super(message);
  }

  /**
   * With a message and the underlying cause.
   *
   * @param message what failed, without secrets
   * @param cause the underlying failure
   */
  public CustomerSyncException(String message, Throwable cause) {
    super(message, cause);
  }
}
