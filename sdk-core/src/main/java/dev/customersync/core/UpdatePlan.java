package dev.customersync.core;

import java.util.List;
import org.immutables.value.Value;

/**
 * What {@link CustomerUpdater#update} would do, found without writing: the vendor's customer was
 * read, the neutral customer merged into it, and the result compared with what was read. {@link
 * #changes()} lists every property the write would change, named as the vendor names it; an empty
 * plan means the update would send no write at all.
 */
@Value.Immutable
@Value.Style(visibility = Value.Style.ImplementationVisibility.PACKAGE, overshadowImplementation = true)
public abstract class UpdatePlan {

  UpdatePlan() {}

  /** {@return a new builder; used by vendor modules} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the vendor's short name} */
  public abstract String vendor();

  /** {@return the vendor's id of the customer} */
  public abstract String customerId();

  /**
   * {@return every property the write would change, in the order they appear in the vendor's
   * customer}
   */
  public abstract List<FieldChange> changes();

  /**
   * {@return neutral fields that were set but that this vendor cannot hold, or that were not
   * applied, in words}
   */
  public abstract List<String> warnings();

  /** {@return HTTP attempts the read took, retries included} */
  public abstract int attempts();

  /**
   * {@return true when the update would write nothing: the vendor already holds every value set}
   */
  public boolean isEmpty() {
    return changes().isEmpty();
  }

  /** Builds {@link UpdatePlan} values. */
  public static final class Builder extends ImmutableUpdatePlan.Builder {
    Builder() {}
  }
}
