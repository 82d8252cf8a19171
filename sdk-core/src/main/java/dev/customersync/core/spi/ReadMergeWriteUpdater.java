package dev.customersync.core.spi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.customersync.core.CallDeadline;
import dev.customersync.core.Customer;
import dev.customersync.core.CustomerUpdater;
import dev.customersync.core.CustomerValidationException;
import dev.customersync.core.FieldChange;
import dev.customersync.core.UnexpectedCustomerException;
import dev.customersync.core.UpdatePlan;
import dev.customersync.core.UpdateResult;
import dev.customersync.core.VendorCall;
import dev.customersync.core.VendorCallListener;
import dev.customersync.core.Violations;
import dev.customersync.core.internal.BlockingCalls;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * The one read-merge-write sequence every vendor updater runs, over a vendor's {@link
 * CustomerStore}:
 *
 * <ol>
 *   <li>validate the id and the customer; bad input fails before any byte is sent;
 *   <li>read the vendor's customer;
 *   <li>refuse an answer that does not carry the requested id ({@link UnexpectedCustomerException}):
 *       nothing is written;
 *   <li>merge the neutral change into a copy of the body the write would send unchanged;
 *   <li>compare: when the merge changed nothing, no write is sent ({@link UpdateResult#written()}
 *       is false);
 *   <li>otherwise write once. A retry of the write (the client's retry policy) re-sends the same
 *       bytes; the merge is never redone.
 * </ol>
 *
 * {@link #plan} runs the same steps up to the write. The read and the write share one deadline
 * ({@link VendorHttpClient#openDeadline()}): an update is bounded as a whole, not per request; an
 * {@link #updateAsync} opens it on the thread that runs the update. Thread-safe when the store is.
 *
 * @param <I> the vendor's id type
 */
public final class ReadMergeWriteUpdater<I> implements CustomerUpdater {

  private final CustomerStore<I> store;
  private final Executor executor;
  private final WarnOnce warnOnce;

  /**
   * An updater that reports each field's warning to listeners once in its own lifetime.
   *
   * @param store the vendor's reads, merge and writes
   * @param executor where {@link #updateAsync} runs the blocking calls
   */
  public ReadMergeWriteUpdater(CustomerStore<I> store, Executor executor) {
    this(store, executor, new WarnOnce());
  }

  /**
   * An updater that reports a field's warning to listeners only when {@code warnOnce} has not seen
   * it; pass one per client to every updater of that client.
   *
   * @param store the vendor's reads, merge and writes
   * @param executor where {@link #updateAsync} runs the blocking calls
   * @param warnOnce the client's memory of the fields it warned about
   */
  public ReadMergeWriteUpdater(CustomerStore<I> store, Executor executor, WarnOnce warnOnce) {
    this.store = Objects.requireNonNull(store, "store");
    this.executor = Objects.requireNonNull(executor, "executor");
    this.warnOnce = Objects.requireNonNull(warnOnce, "warnOnce");
  }

  @Override
  public String vendor() {
    return store.vendor();
  }

  @Override
  public UpdateResult update(String customerId, Customer customer) {
    return update(customerId, customer, null);
  }

  /**
   * {@link #update} with the read already made: {@code read} (a customer from a list page, say) is
   * used instead of reading the customer again. Every other step is the same, the id check included.
   *
   * @param customerId the vendor's own id for the customer
   * @param customer the fields to write
   * @param read the customer as read, exact, or null to read it now
   * @return what the vendor holds afterwards, and what was written
   */
  public UpdateResult update(String customerId, Customer customer, @Nullable CustomerTree read) {
    // Not try-with-resources: the scope is never referenced inside, which -Xlint:try would flag.
    CallDeadline.Scope deadline = store.http().openDeadline();
    try {
      return updateWithin(customerId, customer, read);
    } finally {
      deadline.close();
    }
  }

  private UpdateResult updateWithin(String customerId, Customer customer, @Nullable CustomerTree read) {
    Prepared p = prepare(customerId, customer, read);
    UpdateResult.Builder result = UpdateResult.builder()
        .vendor(store.vendor())
        .customerId(store.idText(p.id))
        .warnings(p.warnings);
    if (p.changes.isEmpty()) {
      JsonNode held = p.read.customer();
      return result.written(false)
          .attempts(p.read.attempts())
          .customer(() -> store.toNeutral(held))
          .vendorResponse(() -> store.toVendorResponse(held))
          .build();
    }
    CustomerTree written = store.write(p.id, p.body, p.read);
    JsonNode held = written.customer();
    return result.written(true)
        .changes(p.changes)
        .attempts(p.read.attempts() + written.attempts())
        .customer(() -> store.toNeutral(held))
        .vendorResponse(() -> store.toVendorResponse(held))
        .build();
  }

  @Override
  public UpdatePlan plan(String customerId, Customer customer) {
    return plan(customerId, customer, null);
  }

  /**
   * {@link #plan} with the read already made, as {@link #update(String, Customer, CustomerTree)}.
   *
   * @param customerId the vendor's own id for the customer
   * @param customer the fields to compare
   * @param read the customer as read, exact, or null to read it now
   * @return every property the write would change
   */
  public UpdatePlan plan(String customerId, Customer customer, @Nullable CustomerTree read) {
    Prepared p;
    CallDeadline.Scope deadline = store.http().openDeadline();
    try {
      p = prepare(customerId, customer, read);
    } finally {
      deadline.close();
    }
    return UpdatePlan.builder()
        .vendor(store.vendor())
        .customerId(store.idText(p.id))
        .changes(p.changes)
        .warnings(p.warnings)
        .attempts(p.read.attempts())
        .build();
  }

  @Override
  public CompletableFuture<UpdateResult> updateAsync(String customerId, Customer customer) {
    return BlockingCalls.supplyAsync(() -> update(customerId, customer), executor,
        store.vendor() + " update of customer " + customerId);
  }

  @Override
  public String toString() {
    return "ReadMergeWriteUpdater{" + store + "}";
  }

  /** {@return the store this updater runs over} */
  public CustomerStore<I> store() {
    return store;
  }

  private Prepared prepare(String customerId, Customer customer, @Nullable CustomerTree preRead) {
    if (customer == null) {
      throw new CustomerValidationException("customer", "is required", null);
    }
    Violations violations = new Violations();
    I id = customerId == null ? null : store.parseId(customerId, violations);
    if (customerId == null) {
      violations.add("customerId", "is required", null);
    }
    violations.addAll(customer.violations());
    store.validate(customer, violations);
    violations.throwIfAny();

    CustomerTree read = preRead != null ? preRead
        : store.read(Objects.requireNonNull(id, "parseId returned null without a violation"));
    String requested = store.idText(id);
    String found = read.customer().isObject() ? store.idOf(read.customer()) : null;
    if (!requested.equals(found)) {
      throw new UnexpectedCustomerException(store.http().errorFor(read.response())
          .message(found == null
              ? "asked for customer " + requested + " but the answer names no customer; nothing was written"
              : "asked for customer " + requested + " but the answer is customer " + found + "; nothing was written"),
          requested, found);
    }
    store.checkWritable(id, read);
    ObjectNode base = store.writeBody(read);
    ObjectNode body = base.deepCopy();
    List<String> warnings = store.merge(body, read, customer);
    List<String> news = warnings.stream().filter(warnOnce::first).toList();
    if (!news.isEmpty()) {
      // An update is not one HTTP call: its warnings are reported against the logical operation.
      // Only a field's first: the same warning on every update of a bulk run floods the logs.
      VendorCall update = VendorCall.of(store.vendor(), "update-customer", "none", "none");
      VendorCallListener l = store.http().listenerFor(update);
      for (String w : news) {
        l.warning(update, w);
      }
    }
    List<FieldChange> changes = JsonTreeDiff.changes(base, body);
    return new Prepared(id, read, body, changes, warnings);
  }

  private final class Prepared {
    final I id;
    final CustomerTree read;
    final ObjectNode body;
    final List<FieldChange> changes;
    final List<String> warnings;

    Prepared(I id, CustomerTree read, ObjectNode body, List<FieldChange> changes, List<String> warnings) {
      this.id = id;
      this.read = read;
      this.body = body;
      this.changes = changes;
      this.warnings = warnings;
    }
  }
}
