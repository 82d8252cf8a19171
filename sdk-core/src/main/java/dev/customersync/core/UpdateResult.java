package dev.customersync.core;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.immutables.value.Value;

/**
 * What a {@link CustomerUpdater#update} achieved: the customer as the vendor now holds it, mapped
 * back to the neutral model, plus what could not be carried over and how many HTTP attempts it
 * took. {@link #vendorResponse()} is the vendor module's own response object for callers that need
 * vendor-only fields.
 *
 * <p>{@link #customer()} is mapped from the vendor's answer when first asked for, so bulk runs that
 * never look at it do not pay for the mapping (a tenth of an update's own work in benchmark B1).
 * Equality covers every attribute except {@link #vendorResponse()}.
 */
@Value.Immutable
@Value.Style(visibility = Value.Style.ImplementationVisibility.PACKAGE, overshadowImplementation = true)
public abstract class UpdateResult {

  UpdateResult() {}

  /** {@return a new builder; used by vendor modules} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the vendor's short name} */
  public abstract String vendor();

  /** {@return the vendor's id of the customer that was updated} */
  public abstract String customerId();

  /** {@return the customer as the vendor holds it after the update, in neutral terms} */
  @Value.Lazy
  public Customer customer() {
    return Objects.requireNonNull(customerMapping().get(), "the vendor module mapped its answer to null");
  }

  /** Maps the vendor's answer to {@link #customer()}; set through {@link Builder#customer}. */
  @Value.Auxiliary
  abstract Supplier<Customer> customerMapping();

  /** {@return neutral fields that were set but that this vendor cannot hold, each in words} */
  public abstract List<String> warnings();

  /** {@return HTTP attempts made in total, reads and writes, retries included} */
  public abstract int attempts();

  /**
   * {@return whether a write was sent} False when the vendor already held every value set: then the
   * update made only its read, and {@link #changes()} is empty.
   */
  @Value.Default
  public boolean written() {
    return true;
  }

  /**
   * {@return every property the write changed, named as the vendor names it ({@code Tel1}, {@code
   * Companies[0].Name})} Empty when nothing was written.
   */
  public abstract List<FieldChange> changes();

  /**
   * {@return the vendor module's own response object (e.g. a {@code BillbeeCustomer})} That is the
   * vendor's answer to the write, or its answer to the read when nothing was written. Bound when
   * first asked for.
   */
  @Value.Lazy
  public Object vendorResponse() {
    return Objects.requireNonNull(vendorResponseMapping().get(), "the vendor module bound its answer to null");
  }

  /**
   * Binds the vendor's answer to {@link #vendorResponse()}; set through {@link
   * Builder#vendorResponse}.
   */
  @Value.Auxiliary
  abstract Supplier<Object> vendorResponseMapping();

  /**
   * {@return the vendor response as the given type}
   *
   * @param <T> the vendor module's response type
   * @param type that type's class, e.g. {@code BillbeeCustomer.class}
   * @throws ClassCastException when the vendor module answers with another type
   */
  public <T> T vendorResponse(Class<T> type) {
    return type.cast(vendorResponse());
  }

  @Override
  public boolean equals(Object other) {
    return this == other || other instanceof UpdateResult that && vendor().equals(that.vendor())
        && customerId().equals(that.customerId()) && customer().equals(that.customer())
        && warnings().equals(that.warnings()) && attempts() == that.attempts() && written() == that.written()
        && changes().equals(that.changes());
  }

  @Override
  public int hashCode() {
    return Objects.hash(vendor(), customerId(), customer(), warnings(), attempts(), written(), changes());
  }

  /**
   * The attributes, with the customer's personal values masked as in {@link Customer#toString()}.
   * A customer not yet mapped shows as {@code (not mapped yet)}: printing a result must neither pay
   * for the mapping nor fail with it.
   */
  @Override
  public String toString() {
    Customer mapped = customerMapping() instanceof RememberedMapping m ? m.mapped : null;
    return "UpdateResult{vendor=" + vendor() + ", customerId=" + customerId()
        + ", customer=" + (mapped != null ? mapped : "(not mapped yet)")
        + ", written=" + written() + ", changes=" + changes().size()
        + ", warnings=" + warnings() + ", attempts=" + attempts() + "}";
  }

  /** Keeps what the mapping answered, so that toString can show it without mapping. */
  private static final class RememberedMapping implements Supplier<Customer> {
    private final Supplier<Customer> mapping;
    private volatile Customer mapped;

    RememberedMapping(Supplier<Customer> mapping, Customer mapped) {
      this.mapping = mapping;
      this.mapped = mapped;
    }

    @Override
    public Customer get() {
      Customer c = mapped != null ? mapped : mapping.get();
      mapped = c;
      return c;
    }
  }

  /** Builds {@link UpdateResult} values. */
  public static final class Builder extends ImmutableUpdateResult.Builder {
    Builder() {}

    /**
     * The customer as the vendor holds it, already in neutral terms.
     *
     * @param customer the mapped customer
     * @return this builder
     */
    public Builder customer(Customer customer) {
      Objects.requireNonNull(customer, "customer");
      customerMapping(new RememberedMapping(() -> customer, customer));
      return this;
    }

    /**
     * How to map the vendor's answer to the neutral customer; run at most once, on the first call
     * to {@link UpdateResult#customer()}, so it must not depend on anything that changes.
     *
     * @param mapping maps the vendor's answer; must not answer null
     * @return this builder
     */
    public Builder customer(Supplier<Customer> mapping) {
      customerMapping(new RememberedMapping(Objects.requireNonNull(mapping, "mapping"), null));
      return this;
    }

    /**
     * The vendor module's response object, already bound.
     *
     * @param response the bound response
     * @return this builder
     */
    public Builder vendorResponse(Object response) {
      Objects.requireNonNull(response, "vendorResponse");
      vendorResponseMapping(() -> response);
      return this;
    }

    /**
     * How to bind the vendor's answer; run at most once, on the first call to {@link
     * UpdateResult#vendorResponse()}.
     *
     * @param binding binds the vendor's answer; must not answer null
     * @return this builder
     */
    @SuppressWarnings("unchecked")
    public Builder vendorResponse(Supplier<?> binding) {
      vendorResponseMapping((Supplier<Object>) Objects.requireNonNull(binding, "binding"));
      return this;
    }
  }
}
