package dev.customersync.core;

/** The vendor failed on its side (HTTP 5xx) on every attempt the retry policy allowed. */
public class VendorServerException extends VendorApiException {

  /**
   * Built by {@link VendorApiException.Builder}.
   *
   * @param builder the failure's vendor, status, code, message, body and attempts
   */
  public VendorServerException(VendorApiException.Builder builder) {
    super(builder);
  }
}
