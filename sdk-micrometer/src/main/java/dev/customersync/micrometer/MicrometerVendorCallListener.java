package dev.customersync.micrometer;

import dev.customersync.core.CustomerSyncException;
import dev.customersync.core.VendorCall;
import dev.customersync.core.VendorCallListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Objects;

/**
 * Records every vendor call of a client as Micrometer meters on a {@link MeterRegistry}, without
 * Observations (no spans): give it to a client builder's {@code listener(..)}.
 *
 * <pre>{@code
 * BillbeeClient billbee = BillbeeClient.builder()
 *     ...
 *     .listener(MicrometerVendorCallListener.of(meterRegistry))
 *     .build();
 * }</pre>
 *
 * <table>
 *   <caption>Meters</caption>
 *   <tr><th>name</th><th>type</th><th>tags</th><th>what</th></tr>
 *   <tr><td>{@value #REQUESTS}</td><td>timer</td>
 *       <td>vendor, operation, method, endpoint, status, outcome, error</td>
 *       <td>each logical call, retries included, from its first attempt to its answer or failure</td></tr>
 *   <tr><td>{@value #RATELIMIT_WAIT}</td><td>timer</td><td>vendor, operation</td>
 *       <td>each attempt's wait for a client-side rate-limit permit (zero when one was free)</td></tr>
 *   <tr><td>{@value #TOKEN_FETCHES}</td><td>counter</td><td>vendor, outcome</td>
 *       <td>token requests (fetches and renewals) sent to the vendor's identity server</td></tr>
 *   <tr><td>{@value #RETRIES}</td><td>counter</td><td>vendor, operation, reason</td>
 *       <td>attempts sent again: {@code STATUS}, {@code RETRY_AFTER}, {@code IO_FAILURE},
 *       {@code TOKEN_REFUSED}</td></tr>
 *   <tr><td>{@value #WARNINGS}</td><td>counter</td><td>vendor</td>
 *       <td>neutral fields a vendor could not take (an update's warnings)</td></tr>
 * </table>
 *
 * <p>{@code status} is the last attempt's HTTP status, {@code IO_ERROR} (no answer) or {@code NONE}
 * (not sent: no rate-limit permit in time, which is never {@code 429}); {@code outcome} is {@code
 * SUCCESS}, {@code CLIENT_ERROR}, {@code SERVER_ERROR}, {@code THROTTLED}, {@code TIMEOUT} or {@code
 * IO_ERROR}; {@code error} the failure's simple class name or {@code none}, as Micrometer's own
 * Observation handler tags it. See {@link CustomerSyncObservationDocumentation} for every value. No
 * tag ever holds a customer id, a name, an e-mail, a phone number, a token or a body.
 *
 * <p>Thread-safe and stateless: one instance serves every call of any number of clients. Each
 * event is a meter lookup and a record, on the calling thread; a registry that refuses a meter is
 * logged once and never fails the call.
 */
public final class MicrometerVendorCallListener implements VendorCallListener {

  /** The timer of logical calls. */
  public static final String REQUESTS = DefaultCustomerSyncObservationConvention.NAME;
  /** The timer of rate-limit permit waits. */
  public static final String RATELIMIT_WAIT = "customersync.ratelimit.wait";
  /** The counter of token requests. */
  public static final String TOKEN_FETCHES = "customersync.token.fetches";
  /** The counter of retries by reason. */
  public static final String RETRIES = "customersync.retries";
  /** The counter of update warnings. */
  public static final String WARNINGS = "customersync.warnings";

  private static final String NO_ERROR = "none";

  private final MeterRegistry registry;
  // False under ObservationVendorCallListener: the Observation's own timer handler records the
  // calls there, and a second timer of the same name would clash.
  private final boolean recordRequests;

  MicrometerVendorCallListener(MeterRegistry registry, boolean recordRequests) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.recordRequests = recordRequests;
  }

  /**
   * A listener recording every meter above.
   *
   * @param registry where the meters are registered
   * @return a listener for a client builder's {@code listener(..)}
   */
  public static MicrometerVendorCallListener of(MeterRegistry registry) {
    return new MicrometerVendorCallListener(registry, true);
  }

  /** Records the wait in {@value #RATELIMIT_WAIT}. */
  @Override
  public void permitWaited(VendorCall call, int attempt, Duration waited) {
    try {
      Timer.builder(RATELIMIT_WAIT)
          .description("Time each attempt waited for a client-side rate-limit permit")
          .tag("vendor", call.vendor())
          .tag("operation", call.operation())
          .register(registry)
          .record(waited);
    } catch (RuntimeException e) {
      ListenerFailures.ignored(RATELIMIT_WAIT, e);
    }
  }

  /** Counts a token renewal as a retry for {@code TOKEN_REFUSED}. */
  @Override
  public void tokenRefused(VendorCall call, int attempt, int status) {
    retry(call, RetryReason.TOKEN_REFUSED);
  }

  /** Counts the retry in {@value #RETRIES} by its reason. */
  @Override
  public void retryDecision(VendorCall call, int attempt, RetryReason reason, int status, Duration delay) {
    retry(call, reason);
  }

  /** Records the call as {@code SUCCESS}; a token call is counted in {@value #TOKEN_FETCHES} too. */
  @Override
  public void callEnd(VendorCall call, int status, int attempts, Duration took) {
    ended(call, CallOutcomes.status(status), CallOutcomes.SUCCESS, NO_ERROR, took);
  }

  /** Records the call with its failure's status and outcome; a token call is counted in {@value #TOKEN_FETCHES} too. */
  @Override
  public void callFailed(VendorCall call, CustomerSyncException error, int attempts, Duration took) {
    ended(call, CallOutcomes.status(error), CallOutcomes.outcome(error), error.getClass().getSimpleName(), took);
  }

  /** Counts the warning in {@value #WARNINGS}; its text, which may name a field, is not recorded. */
  @Override
  public void warning(VendorCall call, String warning) {
    try {
      Counter.builder(WARNINGS)
          .description("Neutral fields a vendor could not take, one per update warning")
          .tag("vendor", call.vendor())
          .register(registry)
          .increment();
    } catch (RuntimeException e) {
      ListenerFailures.ignored(WARNINGS, e);
    }
  }

  private void retry(VendorCall call, RetryReason reason) {
    try {
      Counter.builder(RETRIES)
          .description("Attempts sent again, by reason")
          .tag("vendor", call.vendor())
          .tag("operation", call.operation())
          .tag("reason", reason.name())
          .register(registry)
          .increment();
    } catch (RuntimeException e) {
      ListenerFailures.ignored(RETRIES, e);
    }
  }

  private void ended(VendorCall call, String status, String outcome, String error, Duration took) {
    try {
      if (recordRequests) {
        Timer.builder(REQUESTS)
            .description("Vendor calls, from the first attempt to the answer or failure, retries included")
            .tag("vendor", call.vendor())
            .tag("operation", call.operation())
            .tag("method", call.method())
            .tag("endpoint", call.endpoint())
            .tag("status", status)
            .tag("outcome", outcome)
            .tag("error", error)
            .register(registry)
            .record(took);
      }
      if (CallOutcomes.isToken(call.operation())) {
        Counter.builder(TOKEN_FETCHES)
            .description("Token requests sent to the vendor's identity server, fetches and renewals")
            .tag("vendor", call.vendor())
            .tag("outcome", outcome)
            .register(registry)
            .increment();
      }
    } catch (RuntimeException e) {
      ListenerFailures.ignored(REQUESTS, e);
    }
  }
}
