package dev.customersync.core;

/**
 * The vendor refused the write because the object changed meanwhile or clashes with another (HTTP
 * 409). Not {@link #retryable()} as it stands: read the customer again, or resolve the clash. A
 * customer the vendor allows no changes to is a {@link CustomerArchivedException}, not this.
 */
public class ConflictException extends VendorApiException {

  /**
   * Built by {@link VendorApiException.Builder}.
   *
   * @param builder the failure's vendor, status, code, message, body and attempts
   */
  public ConflictException(VendorApiException.Builder builder) {
    super(builder);
  }
}
