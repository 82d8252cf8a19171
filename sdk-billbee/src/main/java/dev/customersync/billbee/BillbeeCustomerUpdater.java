package dev.customersync.billbee;

import dev.customersync.core.Customer;
import dev.customersync.core.CustomerDirectory;
import dev.customersync.core.CustomerUpdater;
import dev.customersync.core.UpdatePlan;
import dev.customersync.core.UpdateResult;
import dev.customersync.core.spi.ReadMergeWriteUpdater;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@link BillbeeClient#customerUpdater()}: the read-merge-write updater over {@link
 * BillbeeCustomerStore}, unchanged, plus the client's {@link BillbeeCustomerDirectory} as its
 * {@link #directory()}. Thread-safe.
 */
final class BillbeeCustomerUpdater implements CustomerUpdater {

  private final ReadMergeWriteUpdater<Long> readMergeWrite;
  private final BillbeeCustomerDirectory directory;

  BillbeeCustomerUpdater(ReadMergeWriteUpdater<Long> readMergeWrite, BillbeeCustomerDirectory directory) {
    this.readMergeWrite = readMergeWrite;
    this.directory = directory;
  }

  @Override
  public String vendor() {
    return readMergeWrite.vendor();
  }

  @Override
  public UpdateResult update(String customerId, Customer customer) {
    return readMergeWrite.update(customerId, customer);
  }

  @Override
  public UpdatePlan plan(String customerId, Customer customer) {
    return readMergeWrite.plan(customerId, customer);
  }

  @Override
  public CompletableFuture<UpdateResult> updateAsync(String customerId, Customer customer) {
    return readMergeWrite.updateAsync(customerId, customer);
  }

  @Override
  public Optional<CustomerDirectory> directory() {
    return Optional.of(directory);
  }

  /** {@return the updater this one delegates to, for updates with a read already made} */
  ReadMergeWriteUpdater<Long> readMergeWrite() {
    return readMergeWrite;
  }

  @Override
  public String toString() {
    return readMergeWrite.toString();
  }
}
