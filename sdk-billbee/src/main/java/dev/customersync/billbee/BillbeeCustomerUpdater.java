package dev.customersync.billbee;

import dev.customersync.core.Customer;
import dev.customersync.core.CustomerUpdater;
import dev.customersync.core.UpdateResult;
import dev.customersync.core.Violations;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * Pushes a neutral {@link Customer} to Billbee: checks the id and the customer, reads the customer
 * ({@code GET}), refuses an archived one, merges the fields the caller set into what Billbee holds,
 * and writes the whole merged model back ({@code PUT}). Nothing the caller did not set changes:
 * {@code PriceGroupId}, {@code MetaData}, the {@code Default*} entries and any property this SDK
 * does not know are sent back as read.
 *
 * <p>The read and the write are not atomic: a change made in Billbee between them is overwritten
 * for the fields this update sets and kept for the others only if it happened before the read.
 * Billbee offers no version or ETag to detect that. Thread-safe.
 */
final class BillbeeCustomerUpdater implements CustomerUpdater {

  private final BillbeeClient client;
  private final BillbeeCustomerMapper mapper;

  BillbeeCustomerUpdater(BillbeeClient client, BillbeeCustomerMapper mapper) {
    this.client = client;
    this.mapper = mapper;
  }

  @Override
  public String vendor() {
    return BillbeeClient.VENDOR;
  }

  @Override
  public UpdateResult update(String customerId, Customer customer) {
    Objects.requireNonNull(customer, "customer");
    Violations violations = new Violations();
    OptionalLong id = BillbeeIds.parse("customerId", customerId, violations);
    violations.addAll(customer.violations());
    violations.throwIfAny();

    BillbeeClient.Answer<BillbeeCustomer> read = client.fetch(id.getAsLong());
    BillbeeCustomer current = read.value();
    if (current.isArchived()) {
      throw new BillbeeCustomerArchivedException(id.getAsLong(), current.archivedAt(), read.status(), read.attempts());
    }
    BillbeeCustomerMapper.Merge merge = mapper.merge(current, customer);
    BillbeeClient.Answer<BillbeeCustomer> written = client.store(id.getAsLong(), merge.customer());
    return UpdateResult.builder()
        .vendor(BillbeeClient.VENDOR)
        .customerId(Long.toString(id.getAsLong()))
        .customer(() -> mapper.toNeutral(written.value()))
        .warnings(merge.warnings())
        .attempts(read.attempts() + written.attempts())
        .vendorResponse(written.value())
        .build();
  }

  /** Runs on the client's executor, not the common pool: the calls block, mostly on the throttle. */
  @Override
  public CompletableFuture<UpdateResult> updateAsync(String customerId, Customer customer) {
    return client.async(() -> update(customerId, customer));
  }

  @Override
  public String toString() {
    return "BillbeeCustomerUpdater{" + client + "}";
  }
}
