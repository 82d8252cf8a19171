package dev.customersync.storm;

import dev.customersync.core.Customer;
import dev.customersync.core.CustomerDirectory;
import dev.customersync.core.CustomerUpdater;
import dev.customersync.core.CustomerValidationException;
import dev.customersync.core.UpdatePlan;
import dev.customersync.core.UpdateResult;
import dev.customersync.core.internal.BlockingCalls;
import dev.customersync.core.spi.ReadMergeWriteUpdater;
import dev.customersync.core.spi.WarnOnce;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Pushes a neutral {@link Customer} to Storm through the read-merge-write template ({@link
 * ReadMergeWriteUpdater} over a {@link StormCustomerStore}): validates the id and every value
 * against Storm's limits before any request, reads the customer with {@code GetCustomer}, merges
 * what the caller set, writes nothing when nothing changed and otherwise the whole customer with
 * {@code UpdateCustomer3}.
 *
 * <p>{@link Customer#languageTag()} becomes the {@code cultureCode} of both calls. The template's
 * store has no per-call input besides the id, so an update with a language tag runs through a
 * template over a store for that culture (two small objects); all others share one. Thread-safe.
 */
final class StormCustomerUpdater implements CustomerUpdater {

  private final StormClient client;
  private final Executor executor;
  private final ReadMergeWriteUpdater<Integer> inDefaultCulture;
  // The client's: a field is warned about once per client, whatever the culture or the call.
  private final WarnOnce warnOnce;

  StormCustomerUpdater(StormClient client, Executor executor) {
    this.client = client;
    this.executor = executor;
    this.warnOnce = client.warnOnce;
    this.inDefaultCulture = new ReadMergeWriteUpdater<>(new StormCustomerStore(client, null), executor, warnOnce);
  }

  @Override
  public String vendor() {
    return StormClient.VENDOR;
  }

  @Override
  public UpdateResult update(String customerId, Customer customer) {
    return forCulture(customer).update(customerId, customer);
  }

  @Override
  public UpdatePlan plan(String customerId, Customer customer) {
    return forCulture(customer).plan(customerId, customer);
  }

  @Override
  public CompletableFuture<UpdateResult> updateAsync(String customerId, Customer customer) {
    return BlockingCalls.supplyAsync(() -> update(customerId, customer), executor,
        vendor() + " update of customer " + customerId);
  }

  /** {@return the client's {@link StormCustomerDirectory}: find by e-mail or code, create without mail} */
  @Override
  public Optional<CustomerDirectory> directory() {
    return Optional.of(client.customerDirectory());
  }

  @Override
  public String toString() {
    return "StormCustomerUpdater{" + client + "}";
  }

  private ReadMergeWriteUpdater<Integer> forCulture(Customer customer) {
    if (customer == null) {
      // Refused like any other bad input, before a request, and not as a NullPointerException.
      throw new CustomerValidationException("customer", "is required", null);
    }
    String culture = customer.languageTag().filter(tag -> !tag.isBlank()).orElse(null);
    return culture == null ? inDefaultCulture
        : new ReadMergeWriteUpdater<>(new StormCustomerStore(client, culture), executor, warnOnce);
  }
}
