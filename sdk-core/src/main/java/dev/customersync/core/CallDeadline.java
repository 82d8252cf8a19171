package dev.customersync.core;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The time one call may take as a whole: the wait for a rate-limit permit, the wait for an access
 * token (its fetch's own retries included), every attempt, the back-off between attempts and any
 * {@code Retry-After}. A client starts one per public call from its {@code callDeadline} setting
 * (default {@link #DEFAULT}); a wait that would pass it is not started, and the call fails at once
 * with a {@link DeadlineExceededException} naming that wait.
 *
 * <p><b>Scopes.</b> {@link #enter()} makes a deadline the current one of this thread until the
 * returned {@link Scope} is closed. While one is current, every call on this thread uses it instead
 * of starting its own, so the calls share one budget: an update's read and write, a token fetch
 * made for a call, or several calls an application bounds together:
 *
 * <pre>{@code
 * try (CallDeadline.Scope s = CallDeadline.after(Duration.ofSeconds(10)).enter()) {
 *   billbee.customerUpdater().update(id, customer);
 *   storm.customerUpdater().update(otherId, customer);
 * }
 * }</pre>
 *
 * A scope entered while another is current changes nothing (a nested call can neither extend nor
 * shorten its caller's budget). Scopes are per thread: work handed to another thread (an {@code
 * updateAsync}) starts its own. Immutable and thread-safe; the scope itself must be closed on the
 * thread that entered it.
 */
public final class CallDeadline {

  /**
   * 30 s: well inside the 60 s at which load balancers and browsers commonly give up on a web
   * request, so a page that syncs a customer can still show an error of its own; long enough for a
   * default back-off series and a short {@code Retry-After}.
   */
  public static final Duration DEFAULT = Duration.ofSeconds(30);

  private static final ThreadLocal<@Nullable CallDeadline> CURRENT = new ThreadLocal<>();
  private static final CallDeadline NONE = new CallDeadline(null, 0, () -> 0);

  private final @Nullable Duration budget;
  private final long startedNanos;
  private final LongSupplier nanoClock;

  private CallDeadline(@Nullable Duration budget, long startedNanos, LongSupplier nanoClock) {
    this.budget = budget;
    this.startedNanos = startedNanos;
    this.nanoClock = nanoClock;
  }

  /**
   * {@return a deadline {@code budget} from now on {@link System#nanoTime()}}
   *
   * @param budget positive
   * @throws IllegalArgumentException when zero or negative
   */
  public static CallDeadline after(Duration budget) {
    return after(budget, System::nanoTime);
  }

  /**
   * {@return a deadline {@code budget} from now on {@code nanoClock}} Tests pass a fake clock that
   * their fake sleeper advances.
   *
   * @param budget positive
   * @param nanoClock a monotonic clock in nanoseconds, like {@link System#nanoTime()}
   * @throws IllegalArgumentException when the budget is zero or negative
   */
  public static CallDeadline after(Duration budget, LongSupplier nanoClock) {
    Objects.requireNonNull(nanoClock, "nanoClock");
    return new CallDeadline(requirePositive(budget, "budget"), nanoClock.getAsLong(), nanoClock);
  }

  /** {@return a deadline that never passes: calls wait as long as their policies allow} */
  public static CallDeadline none() {
    return NONE;
  }

  /** {@return the deadline current on this thread, or null when no scope is open} */
  public static @Nullable CallDeadline current() {
    return CURRENT.get();
  }

  /**
   * Checks a deadline setting.
   *
   * @param value the setting
   * @param name the option's name, for the message
   * @return {@code value}
   * @throws IllegalArgumentException when zero or negative, naming {@code name}
   * @throws NullPointerException when null, naming {@code name}
   */
  public static Duration requirePositive(Duration value, String name) {
    Objects.requireNonNull(value, () -> name + " must not be null; use noDeadline() to wait without one");
    if (value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive, was " + value
          + "; use noDeadline() to wait without one");
    }
    return value;
  }

  /**
   * Makes this the current deadline of this thread, unless one is current already (that one then
   * stays). Close the scope in a {@code finally} or try-with-resources on the same thread.
   *
   * @return the scope; its {@link Scope#deadline()} is the deadline in force
   */
  public Scope enter() {
    CallDeadline current = CURRENT.get();
    if (current != null) {
      return new Scope(current, false);
    }
    CURRENT.set(this);
    return new Scope(this, true);
  }

  /** {@return whether this deadline can pass; false for {@link #none()}} */
  public boolean bounded() {
    return budget != null;
  }

  /** {@return the whole budget, or null for {@link #none()}} */
  public @Nullable Duration budget() {
    return budget;
  }

  /**
   * {@return the time left in nanoseconds: negative once passed, {@link Long#MAX_VALUE} when
   * unbounded}
   */
  public long remainingNanos() {
    if (budget == null) {
      return Long.MAX_VALUE;
    }
    return budget.toNanos() - (nanoClock.getAsLong() - startedNanos);
  }

  /** {@return the time left, never negative; about 292 years for {@link #none()}} */
  public Duration remaining() {
    return Duration.ofNanos(Math.max(0, remainingNanos()));
  }

  /**
   * {@return whether a wait of {@code wait} would end before this deadline passes}
   *
   * @param wait the wait about to start
   */
  public boolean allows(Duration wait) {
    return budget == null || wait.toNanos() <= remainingNanos();
  }

  /**
   * {@return {@code d} as people read it: {@code "30 s"}, {@code "4.2 s"}, {@code "300 ms"}}
   *
   * @param d a duration
   */
  public static String format(Duration d) {
    long millis = d.toMillis();
    if (millis < 1000) {
      return millis + " ms";
    }
    // Tenths, rounded: 29,999 ms left reads "30 s", not "30.0 s".
    long tenths = Math.round(millis / 100.0);
    return tenths % 10 == 0 ? tenths / 10 + " s" : tenths / 10 + "." + tenths % 10 + " s";
  }

  @Override
  public String toString() {
    return budget == null ? "CallDeadline{none}"
        : "CallDeadline{budget=" + format(budget) + ", remaining=" + format(remaining()) + "}";
  }

  /** The deadline current on a thread until {@link #close()}. */
  public static final class Scope implements AutoCloseable {
    private final CallDeadline deadline;
    private final boolean owner;

    private Scope(CallDeadline deadline, boolean owner) {
      this.deadline = deadline;
      this.owner = owner;
    }

    /** {@return the deadline in force: the one entered, or the one that was current already} */
    public CallDeadline deadline() {
      return deadline;
    }

    /** Ends the scope; a scope that found another current leaves that one in place. */
    @Override
    public void close() {
      if (owner) {
        CURRENT.remove();
      }
    }
  }
}
