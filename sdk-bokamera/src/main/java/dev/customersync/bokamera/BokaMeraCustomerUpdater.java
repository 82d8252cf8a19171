package dev.customersync.bokamera;

import dev.customersync.core.Customer;
import dev.customersync.core.CustomerUpdater;
import dev.customersync.core.UpdateResult;
import dev.customersync.core.Violations;
import dev.customersync.core.internal.BlockingCalls;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The neutral {@link CustomerUpdater} for BokaMera: validates the id and the customer, reads the
 * customer BokaMera holds, merges the caller's fields into it and writes it back whole with
 * UpdateCustomer. {@link #updateAsync} runs on the builder's {@code executor(..)}, by default the
 * shared bounded pool of {@link BlockingCalls}. Thread-safe: it holds nothing but the client and
 * that executor.
 */
final class BokaMeraCustomerUpdater implements CustomerUpdater {

  private final BokaMeraClient client;
  private final Executor executor;

  /** @param executor where {@link #updateAsync} runs, or null for the shared bounded pool */
  BokaMeraCustomerUpdater(BokaMeraClient client, Executor executor) {
    this.client = client;
    this.executor = executor != null ? executor : BlockingCalls.executor();
  }

  @Override
  public String vendor() {
    return BokaMeraClient.VENDOR;
  }

  @Override
  public UpdateResult update(String customerId, Customer customer) {
    Objects.requireNonNull(customer, "customer");
    Violations violations = new Violations();
    UUID id = BokaMeraIds.customerId(customerId, violations);
    violations.addAll(customer.violations());
    violations.throwIfAny();

    List<String> warnings = BokaMeraCustomerMapper.warnings(customer);
    BokaMeraAnswer<CustomerQueryResponse> read = client.getCustomerCall(id);
    UpdateCustomer update = BokaMeraCustomerMapper.merge(read.value(), customer, client.defaultCompanyId());
    BokaMeraAnswer<CustomerQueryResponse> written = client.updateCustomerCall(id, update);
    return UpdateResult.builder()
        .vendor(vendor())
        .customerId(id.toString())
        .customer(() -> BokaMeraCustomerMapper.toNeutral(written.value()))
        .warnings(warnings)
        .attempts(read.attempts() + written.attempts())
        .vendorResponse(written.value())
        .build();
  }

  @Override
  public CompletableFuture<UpdateResult> updateAsync(String customerId, Customer customer) {
    return BlockingCalls.supplyAsync(() -> update(customerId, customer), executor,
        vendor() + " update of customer " + customerId);
  }

  @Override
  public String toString() {
    return "BokaMeraCustomerUpdater{" + client + "}";
  }
}
