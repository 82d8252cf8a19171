package dev.customersync.micrometer;

import dev.customersync.core.CustomerSyncException;
import dev.customersync.core.VendorCall;
import io.micrometer.observation.Observation;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What an {@link ObservationVendorCallListener} knows of one vendor call, for a {@link
 * CustomerSyncObservationConvention} to turn into key values: the call (vendor, operation, method,
 * endpoint template), then, when it ends, the status answered or the failure, and the attempts made.
 * It holds no id, customer data, URL, header or body.
 *
 * <p>Filled in by the listener on the calling thread as the call's events arrive; a convention
 * reads it when the Observation starts and when it stops.
 */
public final class CustomerSyncObservationContext extends Observation.Context {

  private final VendorCall call;
  private int statusCode;
  private int attempts;
  private @Nullable CustomerSyncException failure;

  CustomerSyncObservationContext(VendorCall call) {
    this.call = Objects.requireNonNull(call, "call");
  }

  /** {@return the call observed: vendor, operation, HTTP method and endpoint template} */
  public VendorCall call() {
    return call;
  }

  /**
   * {@return the HTTP status of a successful call's answer} {@code 0} while the call is in flight
   * and when it failed (see {@link #failure()}, whose {@code VendorApiException} carries the status).
   */
  public int statusCode() {
    return statusCode;
  }

  /** {@return the attempts made so far, retries and a token renewal included} */
  public int attempts() {
    return attempts;
  }

  /** {@return why the call failed, or null while it is in flight and when it succeeded} */
  public @Nullable CustomerSyncException failure() {
    return failure;
  }

  void attempt(int attempt) {
    this.attempts = attempt;
  }

  void succeeded(int statusCode, int attempts) {
    this.statusCode = statusCode;
    this.attempts = attempts;
  }

  void failed(CustomerSyncException failure, int attempts) {
    this.failure = failure;
    this.attempts = attempts;
    setError(failure);
  }
}
