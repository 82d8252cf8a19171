package dev.customersync.core;

import java.time.Duration;
import java.util.List;

/** Several listeners behind one, in order; built by {@link VendorCallListener#compose}. */
final class CompositeVendorCallListener implements VendorCallListener {

  private final VendorCallListener[] listeners;

  CompositeVendorCallListener(List<VendorCallListener> listeners) {
    this.listeners = listeners.toArray(VendorCallListener[]::new);
  }

  @Override
  public void callStart(VendorCall call) {
    for (VendorCallListener l : listeners) {
      l.callStart(call);
    }
  }

  @Override
  public void attemptStart(VendorCall call, int attempt) {
    for (VendorCallListener l : listeners) {
      l.attemptStart(call, attempt);
    }
  }

  @Override
  public void tokenAcquired(VendorCall call, int attempt, Duration waited) {
    for (VendorCallListener l : listeners) {
      l.tokenAcquired(call, attempt, waited);
    }
  }

  @Override
  public void permitWaited(VendorCall call, int attempt, Duration waited) {
    for (VendorCallListener l : listeners) {
      l.permitWaited(call, attempt, waited);
    }
  }

  @Override
  public void attemptEnd(VendorCall call, int attempt, int status, Duration took) {
    for (VendorCallListener l : listeners) {
      l.attemptEnd(call, attempt, status, took);
    }
  }

  @Override
  public void attemptFailed(VendorCall call, int attempt, String failure, boolean mayHaveReachedVendor, Duration took) {
    for (VendorCallListener l : listeners) {
      l.attemptFailed(call, attempt, failure, mayHaveReachedVendor, took);
    }
  }

  @Override
  public void tokenRefused(VendorCall call, int attempt, int status) {
    for (VendorCallListener l : listeners) {
      l.tokenRefused(call, attempt, status);
    }
  }

  @Override
  public void retryDecision(VendorCall call, int attempt, RetryReason reason, int status, Duration delay) {
    for (VendorCallListener l : listeners) {
      l.retryDecision(call, attempt, reason, status, delay);
    }
  }

  @Override
  public void callEnd(VendorCall call, int status, int attempts, Duration took) {
    for (VendorCallListener l : listeners) {
      l.callEnd(call, status, attempts, took);
    }
  }

  @Override
  public void callFailed(VendorCall call, CustomerSyncException error, int attempts, Duration took) {
    for (VendorCallListener l : listeners) {
      l.callFailed(call, error, attempts, took);
    }
  }

  @Override
  public void warning(VendorCall call, String warning) {
    for (VendorCallListener l : listeners) {
      l.warning(call, warning);
    }
  }
}
