package dev.customersync.core.sync;

import dev.customersync.core.CustomerSyncException;
import dev.customersync.core.FieldChange;
import dev.customersync.core.MatchKey;
import dev.customersync.core.UpdatePlan;
import dev.customersync.core.UpdateResult;
import dev.customersync.core.VendorApiException;
import dev.customersync.core.VendorOperation;
import dev.customersync.core.internal.Attempts;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What happened to one customer at one vendor during a sync: updated or unchanged (with the {@link
 * UpdateResult}), in a dry run would change or unchanged (with the {@link UpdatePlan}), failed
 * (with the exception's type, the vendor's status, code and message, and the attempts made), or
 * cancelled before it was tried.
 *
 * @param vendor the vendor's short name
 * @param customerId the vendor's id of the customer, exactly as the link gave it
 * @param status how the update ended
 * @param result the update's result when {@link dev.customersync.core.CustomerUpdater#update} returned; else null
 * @param error the failure when the status is {@link Status#FAILED}; else null
 * @param attempts HTTP attempts made, retries included (the read's in a dry run)
 * @param duration how long the call took
 * @param plan the plan when a dry run's {@link dev.customersync.core.CustomerUpdater#plan} returned; else null
 * @param matchKey the key the link found the customer by ({@link CustomerLink#byEmail}), or null for
 *     a link by id; with a key, {@code customerId} is the id found or created, or empty when none was
 */
public record VendorOutcome(
    String vendor,
    String customerId,
    Status status,
    @Nullable UpdateResult result,
    @Nullable CustomerSyncException error,
    int attempts,
    Duration duration,
    @Nullable UpdatePlan plan,
    @Nullable MatchKey matchKey) {

  /** How a vendor update ended. */
  public enum Status {
    /** The vendor confirmed the update: a write was sent and answered. */
    UPDATED,
    /**
     * The customer was not found by its match key and was created ({@link
     * SyncOptions#createMissing()}); {@link VendorOutcome#customerId()} is the new id.
     */
    CREATED,
    /**
     * Nothing needed writing and no write was sent: the vendor already held every value set
     * ({@link UpdateResult#written()} false), or a dry run's plan was empty.
     */
    UNCHANGED,
    /**
     * The run's {@link SyncStateStore} says the vendor already holds this customer exactly as it is
     * now: no vendor call was made.
     */
    SKIPPED,
    /** Dry run only: the update would write {@link VendorOutcome#changes()}. Nothing was written. */
    WOULD_CHANGE,
    /**
     * Dry run only: the customer was not found by its match key and would be created; {@link
     * VendorOutcome#changes()} lists what the create would set. Nothing was written.
     */
    WOULD_CREATE,
    /** The update failed; {@link #error()} says why. The vendor may or may not hold the change. */
    FAILED,
    /** The sync was cancelled before this update was sent; the vendor is unchanged. */
    CANCELLED;

    /**
     * {@return true for the statuses of an update that did what was asked: updated, created,
     * unchanged, skipped, would change, would create}
     */
    public boolean isSuccess() {
      return this != FAILED && this != CANCELLED;
    }
  }

  /**
   * An outcome of a link by id.
   *
   * @param vendor the vendor's name
   * @param customerId the customer's id at the vendor
   * @param status how the update ended
   * @param result the update's result when it returned, else null
   * @param error the failure when it failed, else null
   * @param attempts how many HTTP attempts the update took
   * @param duration how long the update took
   * @param plan the plan of a dry run, else null
   */
  public VendorOutcome(String vendor, String customerId, Status status, @Nullable UpdateResult result,
      @Nullable CustomerSyncException error, int attempts, Duration duration, @Nullable UpdatePlan plan) {
    this(vendor, customerId, status, result, error, attempts, duration, plan, null);
  }

  /**
   * An outcome without a plan: what every outcome was before dry runs existed.
   *
   * @param vendor the vendor's name
   * @param customerId the customer's id at the vendor
   * @param status how the update ended
   * @param result the update's result when it returned, else null
   * @param error the failure when it failed, else null
   * @param attempts how many HTTP attempts the update took
   * @param duration how long the update took
   * @see #VendorOutcome(String, String, Status, UpdateResult, CustomerSyncException, int, Duration, UpdatePlan)
   */
  public VendorOutcome(String vendor, String customerId, Status status, @Nullable UpdateResult result,
      @Nullable CustomerSyncException error, int attempts, Duration duration) {
    this(vendor, customerId, status, result, error, attempts, duration, null);
  }

  /** UPDATED when the update sent a write, UNCHANGED when it did not. */
  static VendorOutcome updated(CustomerLink link, UpdateResult result, Duration duration) {
    return new VendorOutcome(link.vendor(), idOf(link, result.customerId()), result.written() ? Status.UPDATED : Status.UNCHANGED,
        result, null, result.attempts(), duration, null, link.matchKey());
  }

  /** The id as the link spelled it, or for a link by match key the id found. */
  private static String idOf(CustomerLink link, String found) {
    return link.customerId() != null ? link.customerId() : found;
  }

  /** CREATED, with the create's result. */
  static VendorOutcome created(CustomerLink link, UpdateResult result, Duration duration) {
    return new VendorOutcome(link.vendor(), result.customerId(), Status.CREATED, result, null, result.attempts(),
        duration, null, link.matchKey());
  }

  /** CREATED, found again after the create's answer was lost: there is no result. */
  static VendorOutcome createdUnconfirmed(CustomerLink link, String customerId, int attempts, Duration duration) {
    return new VendorOutcome(link.vendor(), customerId, Status.CREATED, null, null, attempts, duration, null,
        link.matchKey());
  }

  /** SKIPPED: the state store says the vendor holds the customer as it is. */
  static VendorOutcome skipped(CustomerLink link, String customerId, Duration duration) {
    return new VendorOutcome(link.vendor(), customerId, Status.SKIPPED, null, null, 0, duration, null, link.matchKey());
  }

  /** WOULD_CHANGE when the plan has changes, UNCHANGED when it is empty. */
  static VendorOutcome planned(CustomerLink link, UpdatePlan plan, Duration duration) {
    return new VendorOutcome(link.vendor(), idOf(link, plan.customerId()), plan.isEmpty() ? Status.UNCHANGED : Status.WOULD_CHANGE,
        null, null, plan.attempts(), duration, plan, link.matchKey());
  }

  /** WOULD_CREATE with the create's plan. */
  static VendorOutcome wouldCreate(CustomerLink link, UpdatePlan plan, int attempts, Duration duration) {
    return new VendorOutcome(link.vendor(), "", Status.WOULD_CREATE, null, null, attempts, duration, plan,
        link.matchKey());
  }

  static VendorOutcome failed(CustomerLink link, CustomerSyncException error, Duration duration) {
    return failed(link, link.customerId() != null ? link.customerId() : "", error, duration);
  }

  static VendorOutcome failed(CustomerLink link, String customerId, CustomerSyncException error, Duration duration) {
    return new VendorOutcome(link.vendor(), customerId, Status.FAILED, null, error, Attempts.of(error), duration, null,
        link.matchKey());
  }

  static VendorOutcome cancelled(CustomerLink link) {
    return new VendorOutcome(link.vendor(), link.customerId() != null ? link.customerId() : "", Status.CANCELLED, null,
        null, 0, Duration.ZERO, null, link.matchKey());
  }

  /**
   * {@return the link to retry this outcome with: by the same match key when it had one (so the
   * retry finds the customer again), else by the id}
   */
  public CustomerLink link() {
    return matchKey != null ? new CustomerLink(vendor, null, matchKey) : new CustomerLink(vendor, customerId);
  }

  /**
   * The update's result when {@link dev.customersync.core.CustomerUpdater#update} returned: for {@link Status#UPDATED}
   * and for an {@link Status#UNCHANGED} that was not a dry run.
   *
   * @return the update's result, or empty for a dry run, a failure or a cancelled update
   */
  public Optional<UpdateResult> resultIfUpdated() {
    return Optional.ofNullable(result);
  }

  /**
   * {@return the plan when this outcome is from a dry run and planning succeeded: {@link
   * Status#WOULD_CHANGE} or {@link Status#UNCHANGED}}
   */
  public Optional<UpdatePlan> planIfDryRun() {
    return Optional.ofNullable(plan);
  }

  /**
   * What the update changed (from {@link UpdateResult#changes()}) or, in a dry run, would change
   * (from {@link UpdatePlan#changes()}); empty for unchanged, failed and cancelled updates.
   *
   * @return the changed fields with their old and new values
   */
  public List<FieldChange> changes() {
    if (result != null) {
      return result.changes();
    }
    return plan != null ? plan.changes() : List.of();
  }

  /** {@return the failure when it failed} */
  public Optional<CustomerSyncException> errorIfFailed() {
    return Optional.ofNullable(error);
  }

  /**
   * True when the vendor confirmed a write ({@link Status#UPDATED}). An update that found nothing
   * to write is {@link Status#UNCHANGED} and not "updated", but it did not fail either: ask
   * {@link #isSuccess()} to tell failures from successes.
   *
   * @return true for {@link Status#UPDATED} only
   */
  public boolean isUpdated() {
    return status == Status.UPDATED;
  }

  /**
   * True when the update did what was asked: {@link Status#UPDATED}, {@link Status#UNCHANGED} or
   * {@link Status#WOULD_CHANGE}. False for {@link Status#FAILED} and {@link Status#CANCELLED},
   * the outcomes that go to a run's failures and its failure sink.
   *
   * @return true when the update did not fail and was not cancelled
   */
  public boolean isSuccess() {
    return status.isSuccess();
  }

  /** {@return the simple name of the failure's type, e.g. {@code VendorServerException}, or empty} */
  public Optional<String> errorType() {
    return Optional.ofNullable(error).map(e -> e.getClass().getSimpleName());
  }

  /** {@return the vendor's error code when the failure carries one} */
  public Optional<String> errorCode() {
    return error instanceof VendorApiException v ? v.errorCode() : Optional.empty();
  }

  /**
   * {@return the status the vendor's answer meant, when the vendor answered}
   * {@link VendorApiException#statusCode()}: 404 for every "not found", whatever the wire said.
   */
  public Optional<Integer> statusCode() {
    return error instanceof VendorApiException v ? Optional.of(v.statusCode()) : Optional.empty();
  }

  /** {@return the HTTP status the vendor's answer carried, when the vendor answered} */
  public Optional<Integer> httpStatus() {
    return error instanceof VendorApiException v ? Optional.of(v.httpStatus()) : Optional.empty();
  }

  /**
   * Whether the update may have reached the vendor anyway, so the vendor may hold the change
   * ({@link CustomerSyncException#mayHaveReachedVendor()}): present for every failed or cancelled
   * update (false for a cancelled one, which was never sent), empty for updates that did not fail.
   *
   * @return whether the vendor may hold the change, for a failed or cancelled update
   */
  public Optional<Boolean> mayHaveReachedVendor() {
    if (error != null) {
      return Optional.of(error.mayHaveReachedVendor());
    }
    return status == Status.CANCELLED ? Optional.of(false) : Optional.empty();
  }

  /**
   * True when trying the update again later may succeed: its failure is {@link
   * CustomerSyncException#retryable()} (a server error, throttling, a network failure), or it was
   * cancelled before it was sent. False for successes and for permanent failures (invalid data,
   * not found, archived, refused), which need a change before a retry can succeed.
   *
   * @return whether a later retry may succeed
   */
  public boolean retryable() {
    if (error != null) {
      return error.retryable();
    }
    return status == Status.CANCELLED;
  }

  /** {@return what the failed call was doing (the read or the write of the update, a find, ...), when known} */
  public Optional<VendorOperation> operation() {
    return error == null ? Optional.empty() : error.operation();
  }

  /**
   * The attributes, with a plan shown only by its number of changes: a plan's values are the
   * customer's own, which a log line must not carry ({@link UpdateResult#toString()} masks them too).
   */
  @Override
  public String toString() {
    return "VendorOutcome[vendor=" + vendor + ", customerId=" + customerId + ", status=" + status + ", result=" + result
        + ", error=" + error + ", attempts=" + attempts + ", duration=" + duration
        + (plan != null ? ", plan=" + plan.changes().size() + " changes" : "")
        + (matchKey != null ? ", matchKey=" + matchKey : "") + "]";
  }
}
