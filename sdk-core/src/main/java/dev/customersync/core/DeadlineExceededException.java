package dev.customersync.core;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A call's {@link CallDeadline} ran out, or the next wait would have passed it, so the call stopped
 * at once instead of blocking. {@link #phase()} says which wait it was; the message says the same
 * in words, e.g. {@code "billbee update-customer: the 30 s deadline would pass while waiting 45 s
 * for Retry-After (after attempt 1 of 3, 30 s left)"}.
 *
 * <p>It is a {@link TransportException}: no usable answer came back in time. Trying again later is
 * worth it (the vendor or the limiter asked for time, it did not refuse). {@link #attempts()}
 * counts the attempts sent before the deadline stopped the call, and {@link
 * #mayHaveReachedVendor()} says whether one of them may have reached the vendor: a write stopped
 * during or after an attempt may have landed. The cause, when there is one, is what the last
 * attempt got (the vendor's 429, the I/O timeout) or the token fetch's own deadline failure.
 *
 * <p>Raise the client's {@code callDeadline} to wait longer, or use {@code noDeadline()} for a
 * batch job that prefers waiting to failing.
 */
public class DeadlineExceededException extends TransportException {

  /** The wait a call was in, or about to start, when its deadline stopped it. */
  public enum Phase {
    /** Waiting for a client-side rate-limit permit; that attempt was not sent. */
    RATE_LIMIT_PERMIT,
    /** Waiting for an access token: its fetch (with its own retries) or another call's fetch. */
    ACCESS_TOKEN,
    /** The back-off before the next attempt, after a retryable status or I/O failure. */
    BACKOFF,
    /** The wait a vendor asked for with {@code Retry-After}. */
    RETRY_AFTER,
    /** An attempt in flight: its whole-call timeout was capped at the time left. */
    ATTEMPT
  }

  /** Which wait ran out. */
  private final Phase phase;
  /** The call's whole budget. */
  private final Duration deadline;
  /** The wait that would have passed the deadline, when known before it started. */
  private final @Nullable Duration pendingWait;

  /**
   * @param message what was stopped and which wait ran out, without secrets
   * @param cause what the last attempt got, or null
   * @param phase which wait ran out
   * @param deadline the call's whole budget
   * @param pendingWait the wait that would have passed the deadline, or null when not known
   * @param attempts attempts sent before the deadline stopped the call
   * @param mayHaveReachedVendor whether one of them may have reached the vendor
   */
  public DeadlineExceededException(String message, @Nullable Throwable cause, Phase phase, Duration deadline,
      @Nullable Duration pendingWait, int attempts, boolean mayHaveReachedVendor) {
    this(message, cause, phase, deadline, pendingWait, attempts, mayHaveReachedVendor, null);
  }

  /**
   * @param message what was stopped and which wait ran out, without secrets
   * @param cause what the last attempt got, or null
   * @param phase which wait ran out
   * @param deadline the call's whole budget
   * @param pendingWait the wait that would have passed the deadline, or null when not known
   * @param attempts attempts sent before the deadline stopped the call
   * @param mayHaveReachedVendor whether one of them may have reached the vendor
   * @param operation what the stopped call was doing, or null when unknown
   */
  public DeadlineExceededException(String message, @Nullable Throwable cause, Phase phase, Duration deadline,
      @Nullable Duration pendingWait, int attempts, boolean mayHaveReachedVendor, @Nullable VendorOperation operation) {
    super(message, cause, attempts, mayHaveReachedVendor, operation);
    this.phase = Objects.requireNonNull(phase, "phase");
    this.deadline = Objects.requireNonNull(deadline, "deadline");
    this.pendingWait = pendingWait;
  }

  /** {@return which wait ran out} */
  public Phase phase() {
    return phase;
  }

  /** {@return the call's whole budget, e.g. 30 s} */
  public Duration deadline() {
    return deadline;
  }

  /**
   * {@return the wait that would have passed the deadline (a {@code Retry-After}, a back-off),
   * when known before it started} Empty for a permit, a token wait or an attempt in flight.
   */
  public Optional<Duration> pendingWait() {
    return Optional.ofNullable(pendingWait);
  }
}
