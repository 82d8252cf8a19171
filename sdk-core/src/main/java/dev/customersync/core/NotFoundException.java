package dev.customersync.core;

/**
 * The vendor does not have the customer or object asked for: HTTP 404, or a vendor's own way of
 * saying none exists (Storm's {@code null} with HTTP 200, Billbee's envelope without {@code Data}).
 * Not {@link #retryable()}: fix the link or create the customer.
 *
 * <p>{@link #statusCode()} is always 404, so code that routes failures by status treats every
 * vendor alike; {@link #httpStatus()} keeps what the wire carried.
 */
public class NotFoundException extends VendorApiException {

  /**
   * Built by {@link VendorApiException.Builder}.
   *
   * @param builder the failure's vendor, status, code, message, body and attempts
   */
  public NotFoundException(VendorApiException.Builder builder) {
    super(builder);
  }

  /** {@return 404, whatever status the vendor sent "none" with; see {@link #httpStatus()}} */
  @Override
  public int statusCode() {
    return 404;
  }
}
