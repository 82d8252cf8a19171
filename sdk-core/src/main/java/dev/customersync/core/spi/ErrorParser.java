package dev.customersync.core.spi;

import dev.customersync.core.VendorApiException;

/**
 * Reads a vendor's error format into a {@link VendorApiException.Builder}: its code, its own
 * message and its per-field errors. Each vendor module has one (e.g. {@code BillbeeErrorParser}).
 *
 * <p>It must never throw: a body that is empty, HTML, truncated or otherwise not the vendor's
 * format leaves the builder as it is, and the exception still carries the status and raw body.
 */
@FunctionalInterface
public interface ErrorParser {

  /**
   * @param response the failed answer
   * @param into prefilled with vendor, status, attempts and the redacted raw body
   */
  void parse(VendorResponse response, VendorApiException.Builder into);
}
