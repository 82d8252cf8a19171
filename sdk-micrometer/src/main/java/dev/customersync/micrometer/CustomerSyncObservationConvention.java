package dev.customersync.micrometer;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names a vendor call's Observation and its key values. Implement it, or extend {@link
 * DefaultCustomerSyncObservationConvention}, to change them without forking the listener; give it
 * to {@link ObservationVendorCallListener.Builder#convention}, or register it globally on the
 * {@code ObservationRegistry}'s config. Whatever it adds stays on every call, so keep
 * low-cardinality values to a closed set.
 */
public interface CustomerSyncObservationConvention extends ObservationConvention<CustomerSyncObservationContext> {

  /** True for the context of a vendor call, the only one this convention names. */
  @Override
  default boolean supportsContext(Observation.Context context) {
    return context instanceof CustomerSyncObservationContext;
  }
}
