package dev.customersync.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Observes the SDK's vendor calls, for metrics, tracing or logs. Give one to a client builder's
 * {@code listener(..)} (or a {@link Factory} to its {@code listenerFactory(..)} for per-call state).
 *
 * <p>Events of one call nest in this order:
 * <pre>
 * callStart
 *   attemptStart → tokenAcquired → permitWaited → attemptEnd | attemptFailed → retryDecision
 *   (repeated per attempt; tokenAcquired only for vendors with tokens; retryDecision only when
 *   another attempt follows, tokenRefused when the vendor refused the token and it is renewed)
 * callEnd | callFailed
 * </pre>
 * A token request is itself a call ({@code operation} {@code token}), nested inside the attempt
 * that needed the token. {@link #warning} reports a neutral field a vendor could not take.
 *
 * <p>Contract: methods run on the calling thread, synchronously; they must be fast, must not block,
 * and must not call the client back. An exception a method throws is logged and ignored: it never
 * reaches the update. Calls run on many threads at once, so a listener given to {@code
 * listener(..)} must be thread-safe. {@link #none()} costs nothing: with it the client builds no
 * event data at all.
 */
public interface VendorCallListener {

  /** Why another attempt follows, a closed vocabulary fit for metric tags. */
  enum RetryReason {
    /** The vendor answered a retryable status (408, 429, 5xx). */
    STATUS,
    /** The vendor asked for the wait with {@code Retry-After}. */
    RETRY_AFTER,
    /** No answer: connect failure, reset, timeout. */
    IO_FAILURE,
    /** The vendor refused the token; it was renewed and the request is sent once more. */
    TOKEN_REFUSED
  }

  /** Creates one listener per call, for listeners that keep per-call state (a timer, a span). */
  @FunctionalInterface
  interface Factory {
    /**
     * A listener for one call.
     *
     * @param call the call about to start
     * @return its listener; {@link VendorCallListener#none()} to skip it
     */
    VendorCallListener create(VendorCall call);

    /** {@return the factory that observes nothing} Clients compare against it by identity. */
    static Factory none() {
      return NoListener.FACTORY;
    }

    /**
     * A factory that hands {@code listener} every call.
     *
     * @param listener a thread-safe listener
     * @return the factory; {@link #none()} for {@link VendorCallListener#none()}
     */
    static Factory of(VendorCallListener listener) {
      Objects.requireNonNull(listener, "listener");
      return listener == NoListener.INSTANCE ? NoListener.FACTORY : call -> listener;
    }

    /**
     * Factories combined: each call gets every factory's listener.
     *
     * @param factories the factories, in order; {@code none()} operands are dropped
     * @return the combination, or the only live factory, or {@link #none()}
     */
    static Factory compose(Factory... factories) {
      List<Factory> live = new ArrayList<>();
      for (Factory f : factories) {
        if (Objects.requireNonNull(f, "factory") != NoListener.FACTORY) {
          live.add(f);
        }
      }
      if (live.isEmpty()) {
        return NoListener.FACTORY;
      }
      if (live.size() == 1) {
        return live.get(0);
      }
      List<Factory> all = List.copyOf(live);
      return call -> {
        VendorCallListener[] listeners = new VendorCallListener[all.size()];
        for (int i = 0; i < listeners.length; i++) {
          listeners[i] = all.get(i).create(call);
        }
        return VendorCallListener.compose(listeners);
      };
    }
  }

  /** {@return the listener that observes nothing, one shared instance} */
  static VendorCallListener none() {
    return NoListener.INSTANCE;
  }

  /**
   * Listeners combined in order.
   *
   * @param listeners the listeners; {@code none()} operands are dropped, so composing with it costs nothing
   * @return the combination, or the only live listener, or {@link #none()}
   */
  static VendorCallListener compose(VendorCallListener... listeners) {
    List<VendorCallListener> live = new ArrayList<>();
    for (VendorCallListener l : listeners) {
      if (Objects.requireNonNull(l, "listener") != NoListener.INSTANCE) {
        live.add(l);
      }
    }
    if (live.isEmpty()) {
      return NoListener.INSTANCE;
    }
    return live.size() == 1 ? live.get(0) : new CompositeVendorCallListener(live);
  }

  /**
   * A call starts, before its first attempt.
   *
   * @param call the call observed
   */
  default void callStart(VendorCall call) {}

  /**
   * An attempt starts.
   *
   * @param call the call observed
   * @param attempt the attempt, 1-based
   */
  default void attemptStart(VendorCall call, int attempt) {}

  /**
   * The bearer token is in hand (a fetch or renewal included, when one ran).
   *
   * @param call the call observed
   * @param attempt the attempt, 1-based
   * @param waited how long the caller waited
   */
  default void tokenAcquired(VendorCall call, int attempt, Duration waited) {}

  /**
   * The rate-limit permit was granted (after zero when one was free).
   *
   * @param call the call observed
   * @param attempt the attempt, 1-based
   * @param waited how long the caller waited
   */
  default void permitWaited(VendorCall call, int attempt, Duration waited) {}

  /**
   * The vendor answered; its body is read.
   *
   * @param call the call observed
   * @param attempt the attempt, 1-based
   * @param status the HTTP status
   * @param took how long it took
   */
  default void attemptEnd(VendorCall call, int attempt, int status, Duration took) {}

  /**
   * The attempt got no answer (connect failure, reset, timeout).
   *
   * @param call the call observed
   * @param attempt the attempt, 1-based
   * @param failure the I/O failure's simple class name
   * @param mayHaveReachedVendor whether bytes of the request had left this process
   * @param took how long it took
   */
  default void attemptFailed(VendorCall call, int attempt, String failure, boolean mayHaveReachedVendor, Duration took) {}

  /**
   * The vendor refused the token; it is renewed and the request sent once more.
   *
   * @param call the call observed
   * @param attempt the attempt, 1-based
   * @param status the HTTP status
   */
  default void tokenRefused(VendorCall call, int attempt, int status) {}

  /**
   * Another attempt follows after {@code delay}; {@code status} is 0 after an I/O failure.
   *
   * @param call the call observed
   * @param attempt the attempt, 1-based
   * @param reason why another attempt follows
   * @param status the HTTP status
   * @param delay the wait before the next attempt
   */
  default void retryDecision(VendorCall call, int attempt, RetryReason reason, int status, Duration delay) {}

  /**
   * The call succeeded.
   *
   * @param call the call observed
   * @param status the HTTP status
   * @param attempts attempts made in all
   * @param took how long it took
   */
  default void callEnd(VendorCall call, int status, int attempts, Duration took) {}

  /**
   * The call failed: a {@link VendorApiException} carries the vendor's status, a {@link RateLimitTimeoutException} was never sent.
   *
   * @param call the call observed
   * @param error the failure the caller gets
   * @param attempts attempts made in all
   * @param took how long it took
   */
  default void callFailed(VendorCall call, CustomerSyncException error, int attempts, Duration took) {}

  /**
   * A neutral field the vendor could not take (the text of {@link UpdateResult#warnings()}).
   *
   * @param call the call observed
   * @param warning the warning, in words
   */
  default void warning(VendorCall call, String warning) {}
}
