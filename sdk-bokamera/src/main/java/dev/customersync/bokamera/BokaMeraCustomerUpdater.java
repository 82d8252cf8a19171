package dev.customersync.bokamera;

import dev.customersync.core.Customer;
import dev.customersync.core.CustomerDirectory;
import dev.customersync.core.CustomerUpdater;
import dev.customersync.core.UpdatePlan;
import dev.customersync.core.UpdateResult;
import dev.customersync.core.spi.ReadMergeWriteUpdater;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * BokaMera's neutral updater: the read-merge-write template over the {@link BokaMeraCustomerStore},
 * unchanged, plus the {@link BokaMeraCustomerDirectory} the template cannot hand out. Thread-safe.
 */
final class BokaMeraCustomerUpdater implements CustomerUpdater {

  private final ReadMergeWriteUpdater<UUID> template;
  private final BokaMeraCustomerDirectory directory;

  BokaMeraCustomerUpdater(ReadMergeWriteUpdater<UUID> template, BokaMeraCustomerDirectory directory) {
    this.template = template;
    this.directory = directory;
  }

  @Override
  public String vendor() {
    return template.vendor();
  }

  @Override
  public UpdateResult update(String customerId, Customer customer) {
    return template.update(customerId, customer);
  }

  @Override
  public UpdatePlan plan(String customerId, Customer customer) {
    return template.plan(customerId, customer);
  }

  @Override
  public CompletableFuture<UpdateResult> updateAsync(String customerId, Customer customer) {
    return template.updateAsync(customerId, customer);
  }

  @Override
  public Optional<CustomerDirectory> directory() {
    return Optional.of(directory);
  }

  @Override
  public String toString() {
    return "BokaMeraCustomerUpdater{" + template.store() + "}";
  }
}
