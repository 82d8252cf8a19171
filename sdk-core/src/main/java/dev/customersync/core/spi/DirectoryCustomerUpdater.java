package dev.customersync.core.spi;

import dev.customersync.core.Customer;
import dev.customersync.core.CustomerDirectory;
import dev.customersync.core.CustomerUpdater;
import dev.customersync.core.UpdatePlan;
import dev.customersync.core.UpdateResult;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A vendor's neutral updater: the {@link ReadMergeWriteUpdater} over its store, unchanged, plus the
 * vendor's {@link CustomerDirectory} as {@link #directory()}, which the template cannot hand out
 * itself. What a vendor client's {@code customerUpdater()} returns. Thread-safe.
 *
 * @param <I> the vendor's id type
 */
public final class DirectoryCustomerUpdater<I> implements CustomerUpdater {

  private final ReadMergeWriteUpdater<I> readMergeWrite;
  private final CustomerDirectory directory;

  /**
   * @param readMergeWrite the updater every call goes to
   * @param directory the vendor's directory, for finds and creates
   */
  public DirectoryCustomerUpdater(ReadMergeWriteUpdater<I> readMergeWrite, CustomerDirectory directory) {
    this.readMergeWrite = Objects.requireNonNull(readMergeWrite, "readMergeWrite");
    this.directory = Objects.requireNonNull(directory, "directory");
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

  /** {@return the updater this one delegates to, for updates with a read already made (page reads)} */
  public ReadMergeWriteUpdater<I> readMergeWrite() {
    return readMergeWrite;
  }

  @Override
  public String toString() {
    return readMergeWrite.toString();
  }
}
