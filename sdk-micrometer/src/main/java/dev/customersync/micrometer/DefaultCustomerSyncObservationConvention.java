package dev.customersync.micrometer;

import dev.customersync.core.CustomerSyncException;
import dev.customersync.core.VendorCall;
import dev.customersync.micrometer.CustomerSyncObservationDocumentation.HighCardinalityKeyNames;
import dev.customersync.micrometer.CustomerSyncObservationDocumentation.LowCardinalityKeyNames;
import io.micrometer.common.KeyValues;

/**
 * The names and key values {@link CustomerSyncObservationDocumentation#VENDOR_CALL} documents:
 * name {@code customersync.requests}, contextual (span) name {@code <vendor> <operation>}, low
 * cardinality {@code vendor}, {@code operation}, {@code method}, {@code endpoint}, {@code status},
 * {@code outcome}; high cardinality {@code attempts}. Extend it to add or change a key and call
 * {@code super} for the rest.
 */
public class DefaultCustomerSyncObservationConvention implements CustomerSyncObservationConvention {

  /** The Observation's name, and so the timer's: {@value}. */
  public static final String NAME = "customersync.requests";

  /** A convention with the documented names and keys; stateless, so one may be shared. */
  public DefaultCustomerSyncObservationConvention() {}

  /** {@value #NAME}. */
  @Override
  public String getName() {
    return NAME;
  }

  /** {@code <vendor> <operation>}, e.g. {@code billbee get-customer}: the span's name. */
  @Override
  public String getContextualName(CustomerSyncObservationContext context) {
    return context.call().vendor() + " " + context.call().operation();
  }

  /** Vendor, operation, method, endpoint template, status and outcome (see the documentation enum). */
  @Override
  public KeyValues getLowCardinalityKeyValues(CustomerSyncObservationContext context) {
    VendorCall call = context.call();
    CustomerSyncException failure = context.failure();
    String status;
    String outcome;
    if (failure != null) {
      status = CallOutcomes.status(failure);
      outcome = CallOutcomes.outcome(failure);
    } else if (context.statusCode() != 0) {
      status = CallOutcomes.status(context.statusCode());
      outcome = CallOutcomes.SUCCESS;
    } else {
      status = CallOutcomes.NONE;
      outcome = CallOutcomes.UNKNOWN;
    }
    return KeyValues.of(
        LowCardinalityKeyNames.VENDOR.withValue(call.vendor()),
        LowCardinalityKeyNames.OPERATION.withValue(call.operation()),
        LowCardinalityKeyNames.METHOD.withValue(call.method()),
        LowCardinalityKeyNames.ENDPOINT.withValue(call.endpoint()),
        LowCardinalityKeyNames.STATUS.withValue(status),
        LowCardinalityKeyNames.OUTCOME.withValue(outcome));
  }

  /** The attempts made. */
  @Override
  public KeyValues getHighCardinalityKeyValues(CustomerSyncObservationContext context) {
    return KeyValues.of(HighCardinalityKeyNames.ATTEMPTS.withValue(Integer.toString(context.attempts())));
  }
}
