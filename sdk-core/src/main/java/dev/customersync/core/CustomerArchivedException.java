package dev.customersync.core;

/**
 * The vendor holds the customer as archived and allows no changes to it, so no write was sent. Not
 * {@link #retryable()} and not a {@link ConflictException}: retrying cannot help until someone
 * restores the customer at the vendor. {@link #statusCode()} is that of the vendor's answer that
 * showed the customer archived (a successful read's 200, when the client checked before writing).
 */
public class CustomerArchivedException extends VendorApiException {

  /**
   * Built by {@link VendorApiException.Builder}; vendor modules subclass it with their details.
   *
   * @param builder the failure's vendor, status, code, message and attempts
   */
  public CustomerArchivedException(VendorApiException.Builder builder) {
    super(builder);
  }
}
