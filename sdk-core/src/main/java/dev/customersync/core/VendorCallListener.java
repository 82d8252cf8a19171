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
    /** A listener for {@code call}; may return {@link VendorCallListener#none()} to skip it. */
    VendorCallListener create(VendorCall call);

    /** The factory that observes nothing; clients compare against it by identity. */
    static Factory none() {
      return NoListener.FACTORY;
    }

    /** A factory that hands {@code listener} every call; {@link #none()} for {@link VendorCallListener#none()}. */
    static Factory of(VendorCallListener listener) {
      Objects.requireNonNull(listener, "listener");
      return listener == NoListener.INSTANCE ? NoListener.FACTORY : call -> listener;
    }

    /** Factories combined: each call gets every factory's listener; {@code none()} operands are dropped. */
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

  /** The listener that observes nothing, one shared instance. */
  static VendorCallListener none() {
    return NoListener.INSTANCE;
  }

  /** Listeners combined in order; {@code none()} operands are dropped, so composing with it costs nothing. */
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

  /** A call starts (before its first attempt). */
  default void callStart(VendorCall call) {}

  /** Attempt {@code attempt} (1-based) starts. */
  default void attemptStart(VendorCall call, int attempt) {}

  /** The bearer token was in hand after {@code waited} (a fetch or renewal included, when one ran). */
  default void tokenAcquired(VendorCall call, int attempt, Duration waited) {}

  /** The rate-limit permit was granted after {@code waited} (zero when one was free). */
  default void permitWaited(VendorCall call, int attempt, Duration waited) {}

  /** The vendor answered {@code status} after {@code took} (body read). */
  default void attemptEnd(VendorCall call, int attempt, int status, Duration took) {}

  /**
   * The attempt got no answer: {@code failure} is the I/O failure's simple class name (e.g.
   * {@code SocketTimeoutException}); {@code mayHaveReachedVendor} says whether bytes had left.
   */
  default void attemptFailed(VendorCall call, int attempt, String failure, boolean mayHaveReachedVendor, Duration took) {}

  /** The vendor refused the token with {@code status}; it is renewed and the request sent once more. */
  default void tokenRefused(VendorCall call, int attempt, int status) {}

  /** Another attempt follows after {@code delay} for {@code reason} ({@code status} 0 for an I/O failure). */
  default void retryDecision(VendorCall call, int attempt, RetryReason reason, int status, Duration delay) {}

  /** The call succeeded with {@code status} after {@code attempts} attempts and {@code took} in all. */
  default void callEnd(VendorCall call, int status, int attempts, Duration took) {}

  /**
   * The call failed with {@code error} (a {@link VendorApiException} carries the status, a
   * {@link RateLimitTimeoutException} was never sent) after {@code took} in all.
   */
  default void callFailed(VendorCall call, CustomerSyncException error, int attempts, Duration took) {}

  /** A neutral field the vendor could not take (the text of {@link UpdateResult#warnings()}). */
  default void warning(VendorCall call, String warning) {}
}
