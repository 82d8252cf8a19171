package dev.customersync.core.internal;

import dev.customersync.core.CustomerSyncException;
import dev.customersync.core.RateLimitTimeoutException;
import dev.customersync.core.TransportException;
import dev.customersync.core.VendorApiException;

/** How many HTTP attempts a failure says were made; shared by the HTTP engine and the sync engine. */
public final class Attempts {

  private Attempts() {}

  /**
   * The attempts a failure carries.
   *
   * @param failure any failure of the SDK
   * @return its attempts, or 0 for a failure raised before any request (bad input, say)
   */
  public static int of(CustomerSyncException failure) {
    if (failure instanceof VendorApiException v) {
      return v.attempts();
    }
    if (failure instanceof TransportException t) {
      return t.attempts();
    }
    return failure instanceof RateLimitTimeoutException r ? r.attempts() : 0;
  }
}
