package dev.customersync.core.spi;

import dev.customersync.core.CustomerSyncException;
import dev.customersync.core.VendorCall;
import dev.customersync.core.VendorCallListener;
import java.lang.System.Logger.Level;
import java.time.Duration;

/** Runs an application's listener so that whatever it throws is logged and never reaches the call. */
final class SafeVendorCallListener implements VendorCallListener {

  private static final System.Logger LOG = System.getLogger("dev.customersync.http");

  private final VendorCallListener delegate;

  private SafeVendorCallListener(VendorCallListener delegate) {
    this.delegate = delegate;
  }

  static VendorCallListener wrap(VendorCallListener listener) {
    return listener == VendorCallListener.none() || listener instanceof SafeVendorCallListener
        ? listener : new SafeVendorCallListener(listener);
  }

  private static void failed(String event, RuntimeException e) {
    LOG.log(Level.WARNING, () -> "a VendorCallListener threw from " + event + ": " + e.getClass().getName()
        + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")") + "; ignored");
  }

  @Override
  public void callStart(VendorCall call) {
    try {
      delegate.callStart(call);
    } catch (RuntimeException e) {
      failed("callStart", e);
    }
  }

  @Override
  public void attemptStart(VendorCall call, int attempt) {
    try {
      delegate.attemptStart(call, attempt);
    } catch (RuntimeException e) {
      failed("attemptStart", e);
    }
  }

  @Override
  public void tokenAcquired(VendorCall call, int attempt, Duration waited) {
    try {
      delegate.tokenAcquired(call, attempt, waited);
    } catch (RuntimeException e) {
      failed("tokenAcquired", e);
    }
  }

  @Override
  public void permitWaited(VendorCall call, int attempt, Duration waited) {
    try {
      delegate.permitWaited(call, attempt, waited);
    } catch (RuntimeException e) {
      failed("permitWaited", e);
    }
  }

  @Override
  public void attemptEnd(VendorCall call, int attempt, int status, Duration took) {
    try {
      delegate.attemptEnd(call, attempt, status, took);
    } catch (RuntimeException e) {
      failed("attemptEnd", e);
    }
  }

  @Override
  public void attemptFailed(VendorCall call, int attempt, String failure, boolean mayHaveReachedVendor, Duration took) {
    try {
      delegate.attemptFailed(call, attempt, failure, mayHaveReachedVendor, took);
    } catch (RuntimeException e) {
      failed("attemptFailed", e);
    }
  }

  @Override
  public void tokenRefused(VendorCall call, int attempt, int status) {
    try {
      delegate.tokenRefused(call, attempt, status);
    } catch (RuntimeException e) {
      failed("tokenRefused", e);
    }
  }

  @Override
  public void retryDecision(VendorCall call, int attempt, RetryReason reason, int status, Duration delay) {
    try {
      delegate.retryDecision(call, attempt, reason, status, delay);
    } catch (RuntimeException e) {
      failed("retryDecision", e);
    }
  }

  @Override
  public void callEnd(VendorCall call, int status, int attempts, Duration took) {
    try {
      delegate.callEnd(call, status, attempts, took);
    } catch (RuntimeException e) {
      failed("callEnd", e);
    }
  }

  @Override
  public void callFailed(VendorCall call, CustomerSyncException error, int attempts, Duration took) {
    try {
      delegate.callFailed(call, error, attempts, took);
    } catch (RuntimeException e) {
      failed("callFailed", e);
    }
  }

  @Override
  public void warning(VendorCall call, String warning) {
    try {
      delegate.warning(call, warning);
    } catch (RuntimeException e) {
      failed("warning", e);
    }
  }
}
