package dev.customersync.core;

/** The vendor does not have the customer or object asked for (HTTP 404, or a vendor's own way of saying none exists). */
public class NotFoundException extends VendorApiException {

  /**
   * Built by {@link VendorApiException.Builder}.
   *
   * @param builder the failure's vendor, status, code, message, body and attempts
   */
  public NotFoundException(VendorApiException.Builder builder) {
    super(builder);
  }
}
