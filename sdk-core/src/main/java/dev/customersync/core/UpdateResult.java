package dev.customersync.core;

import java.util.List;
import org.immutables.value.Value;

/**
 * What a {@link CustomerUpdater#update} achieved: the customer as the vendor now holds it, mapped
 * back to the neutral model, plus what could not be carried over and how many HTTP attempts it
 * took. {@link #vendorResponse()} is the vendor module's own response object for callers that need
 * vendor-only fields.
 */
@Value.Immutable
@Value.Style(visibility = Value.Style.ImplementationVisibility.PACKAGE, overshadowImplementation = true)
public abstract class UpdateResult {

  UpdateResult() {}

  /** Starts a result; used by vendor modules. */
  public static Builder builder() {
    return new Builder();
  }

  /** The vendor's short name. */
  public abstract String vendor();

  /** The vendor's id of the customer that was updated. */
  public abstract String customerId();

  /** The customer as the vendor holds it after the update, in neutral terms. */
  public abstract Customer customer();

  /** Neutral fields that were set but that this vendor cannot hold, each in words. */
  public abstract List<String> warnings();

  /** HTTP attempts made in total, reads and writes, retries included. */
  public abstract int attempts();

  /** The vendor module's own response object (e.g. a {@code BillbeeCustomer}). */
  @Value.Auxiliary
  public abstract Object vendorResponse();

  /**
   * The vendor response as the given type.
   *
   * @throws ClassCastException when the vendor module answers with another type
   */
  public <T> T vendorResponse(Class<T> type) {
    return type.cast(vendorResponse());
  }

  /** Builds {@link UpdateResult} values. */
  public static final class Builder extends ImmutableUpdateResult.Builder {
    Builder() {}
  }
}
