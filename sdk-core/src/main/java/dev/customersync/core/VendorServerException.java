package dev.customersync.core;

/**
 * The vendor failed on its side (HTTP 5xx, or a vendor's own "internal error") on every attempt
 * the retry policy allowed. Always {@link #retryable()}. After a write, the vendor may have applied
 * it before failing, so {@link #mayHaveReachedVendor()} is true: read before sending a create again.
 */
public class VendorServerException extends VendorApiException {

  /**
   * Built by {@link VendorApiException.Builder}.
   *
   * @param builder the failure's vendor, status, code, message, body and attempts
   */
  public VendorServerException(VendorApiException.Builder builder) {
    super(builder);
  }

  /** {@return true: a server error may pass} */
  @Override
  public boolean retryable() {
    return true;
  }

  /**
   * {@return true when the failed call was a write (or its operation is unknown, so it may have
   * been one), or an earlier attempt may have landed} A read's server error changes nothing.
   */
  @Override
  public boolean mayHaveReachedVendor() {
    return super.mayHaveReachedVendor() || operation().map(VendorOperation::writes).orElse(true);
  }
}
