package dev.customersync.core;

/** The vendor refused the write because the object changed meanwhile or clashes with another (HTTP 409). */
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
