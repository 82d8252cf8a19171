package dev.customersync.micrometer;

import dev.customersync.core.CustomerSyncException;
import dev.customersync.core.VendorCall;
import dev.customersync.core.VendorCallListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Makes one Micrometer {@link Observation} per vendor call, so a call becomes a timer and, with a
 * tracing bridge, a span: give it to a client builder's {@code listenerFactory(..)}.
 *
 * <pre>{@code
 * BillbeeClient billbee = BillbeeClient.builder()
 *     ...
 *     .listenerFactory(ObservationVendorCallListener.builder(observationRegistry)
 *         .meterRegistry(meterRegistry)   // optional: permit waits, token fetches, retries, warnings
 *         .build())
 *     .build();
 * }</pre>
 *
 * <p>The Observation ({@link CustomerSyncObservationDocumentation#VENDOR_CALL}) spans one logical
 * call: every attempt, the back-off between them and a token renewal. Micrometer's {@code
 * DefaultMeterObservationHandler} turns it into the timer {@code customersync.requests} tagged
 * {@code vendor}, {@code operation}, {@code method}, {@code endpoint}, {@code status}, {@code
 * outcome} (and the handler's {@code error}). A token request made for a call is its own
 * Observation ({@code operation=token}), a child of the call that needed the token. The parent of
 * a call is the Observation current on the calling thread, if any, so calls nest under the
 * application's own.
 *
 * <p>With a {@link Builder#meterRegistry MeterRegistry}, the meters an Observation cannot carry
 * are recorded too, as {@link MicrometerVendorCallListener} documents them: {@code
 * customersync.ratelimit.wait}, {@code customersync.token.fetches}, {@code customersync.retries},
 * {@code customersync.warnings} (not {@code customersync.requests}, which the Observation's handler
 * records). Use this class or {@link MicrometerVendorCallListener} on one registry, not both.
 *
 * <p>Costs: with a no-op {@code ObservationRegistry} (or one with no handler) and no meter registry
 * a call gets {@link VendorCallListener#none()}. Otherwise each call gets a small listener holding
 * its Observation; events are recorded on the calling thread, and a handler that throws is logged
 * once and never fails the call. Thread-safe: one instance serves any number of clients.
 */
public final class ObservationVendorCallListener implements VendorCallListener.Factory {

  private static final DefaultCustomerSyncObservationConvention DEFAULT_CONVENTION =
      new DefaultCustomerSyncObservationConvention();

  private final ObservationRegistry registry;
  private final @Nullable CustomerSyncObservationConvention convention;
  private final VendorCallListener meters;
  // The call whose attempt is waiting for its token on this thread, between its attemptStart and
  // its tokenAcquired: a token call starting then is that call's child. Set and cleared by the
  // same call's events on the same thread, so it never names another thread's call.
  private final ThreadLocal<CallObservation> awaitingToken = new ThreadLocal<>();

  private ObservationVendorCallListener(Builder b) {
    this.registry = b.registry;
    this.convention = b.convention;
    this.meters = b.meterRegistry == null ? VendorCallListener.none() : new MicrometerVendorCallListener(b.meterRegistry, false);
  }

  /**
   * Observations with the default convention and no extra meters.
   *
   * @param registry where the Observations are made
   * @return a factory for a client builder's {@code listenerFactory(..)}
   */
  public static ObservationVendorCallListener of(ObservationRegistry registry) {
    return builder(registry).build();
  }

  /**
   * Starts a listener making Observations.
   *
   * @param registry where the Observations are made
   * @return a builder for the convention and the meter registry
   */
  public static Builder builder(ObservationRegistry registry) {
    return new Builder(registry);
  }

  /**
   * The listener for one call: {@link VendorCallListener#none()} when there is nothing to record
   * (a no-op registry and no meter registry), the meters alone when only Observations are off.
   */
  @Override
  public VendorCallListener create(VendorCall call) {
    // Asked per call, not once: an application may add the registry's handlers after building the client.
    if (registry.isNoop()) {
      return meters;
    }
    return new CallObservation();
  }

  /** One call's Observation; its events arrive on one thread, in order. */
  private final class CallObservation implements VendorCallListener {

    private @Nullable CustomerSyncObservationContext context;
    private Observation observation = Observation.NOOP;

    @Override
    public void callStart(VendorCall call) {
      try {
        CustomerSyncObservationContext c = new CustomerSyncObservationContext(call);
        context = c;
        Observation o = CustomerSyncObservationDocumentation.VENDOR_CALL.observation(convention, DEFAULT_CONVENTION,
            () -> c, registry);
        if (CallOutcomes.isToken(call.operation())) {
          CallObservation waiting = awaitingToken.get();
          if (waiting != null && waiting.observation != Observation.NOOP) {
            o.parentObservation(waiting.observation);
          }
        }
        observation = o.start();
      } catch (RuntimeException e) {
        ListenerFailures.ignored("starting the Observation", e);
      }
      meters.callStart(call);
    }

    @Override
    public void attemptStart(VendorCall call, int attempt) {
      if (context != null) {
        context.attempt(attempt);
      }
      if (!CallOutcomes.isToken(call.operation())) {
        awaitingToken.set(this);
      }
      meters.attemptStart(call, attempt);
    }

    @Override
    public void tokenAcquired(VendorCall call, int attempt, Duration waited) {
      tokenInHand();
      meters.tokenAcquired(call, attempt, waited);
    }

    @Override
    public void permitWaited(VendorCall call, int attempt, Duration waited) {
      tokenInHand();
      meters.permitWaited(call, attempt, waited);
    }

    @Override
    public void attemptEnd(VendorCall call, int attempt, int status, Duration took) {
      tokenInHand();
      meters.attemptEnd(call, attempt, status, took);
    }

    @Override
    public void attemptFailed(VendorCall call, int attempt, String failure, boolean mayHaveReachedVendor, Duration took) {
      tokenInHand();
      meters.attemptFailed(call, attempt, failure, mayHaveReachedVendor, took);
    }

    @Override
    public void tokenRefused(VendorCall call, int attempt, int status) {
      meters.tokenRefused(call, attempt, status);
    }

    @Override
    public void retryDecision(VendorCall call, int attempt, RetryReason reason, int status, Duration delay) {
      meters.retryDecision(call, attempt, reason, status, delay);
    }

    @Override
    public void callEnd(VendorCall call, int status, int attempts, Duration took) {
      tokenInHand();
      if (context != null) {
        context.succeeded(status, attempts);
        stop();
      }
      meters.callEnd(call, status, attempts, took);
    }

    @Override
    public void callFailed(VendorCall call, CustomerSyncException error, int attempts, Duration took) {
      // A failure while fetching the token (or a permit timeout) skips tokenAcquired: clear here too.
      tokenInHand();
      if (context != null) {
        context.failed(error, attempts);
        stop();
      }
      meters.callFailed(call, error, attempts, took);
    }

    @Override
    public void warning(VendorCall call, String warning) {
      meters.warning(call, warning);
    }

    private void stop() {
      try {
        observation.stop();
      } catch (RuntimeException e) {
        ListenerFailures.ignored("stopping the Observation", e);
      }
    }

    private void tokenInHand() {
      if (awaitingToken.get() == this) {
        awaitingToken.remove();
      }
    }
  }

  /** Builds an {@link ObservationVendorCallListener}. */
  public static final class Builder {
    private final ObservationRegistry registry;
    private @Nullable CustomerSyncObservationConvention convention;
    private @Nullable MeterRegistry meterRegistry;

    private Builder(ObservationRegistry registry) {
      this.registry = Objects.requireNonNull(registry, "registry");
    }

    /**
     * Names the Observation and its key values instead of {@link
     * DefaultCustomerSyncObservationConvention}; default: the registry's own convention for this
     * context when one is registered, else the default.
     *
     * @param convention the convention to use
     * @return this builder
     */
    public Builder convention(CustomerSyncObservationConvention convention) {
      this.convention = Objects.requireNonNull(convention, "convention");
      return this;
    }

    /**
     * Records permit waits, token fetches, retries and warnings on {@code meterRegistry} too (see
     * {@link MicrometerVendorCallListener} for their names and tags); default: not recorded.
     *
     * @param meterRegistry where those meters are registered
     * @return this builder
     */
    public Builder meterRegistry(MeterRegistry meterRegistry) {
      this.meterRegistry = Objects.requireNonNull(meterRegistry, "meterRegistry");
      return this;
    }

    /** {@return the listener factory, for a client builder's {@code listenerFactory(..)}} */
    public ObservationVendorCallListener build() {
      return new ObservationVendorCallListener(this);
    }
  }
}
