package dev.customersync.core;

/**
 * The vendor rejected the credentials (HTTP 401) or they may not do this (HTTP 403). When a token
 * provider can refresh, one refresh and retry happen before this is thrown. Not {@link
 * #retryable()}: the credentials or the account's rights need fixing.
 */
public class AuthenticationException extends VendorApiException {

  /**
   * Built by {@link VendorApiException.Builder}.
   *
   * @param builder the failure's vendor, status, code, message, body and attempts
   */
  public AuthenticationException(VendorApiException.Builder builder) {
    super(builder);
  }
}
