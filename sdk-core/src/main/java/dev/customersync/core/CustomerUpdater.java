package dev.customersync.core;

import dev.customersync.core.internal.BlockingCalls;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Pushes a neutral {@link Customer} to one vendor. Each vendor module's client hands one out
 * ({@code customerUpdater()}); {@link dev.customersync.core.sync.CustomerSync} fans a customer out to several.
 *
 * <p>The contract every implementation keeps:
 * <ul>
 *   <li>The customer and the id are validated first; bad input throws {@link
 *       CustomerValidationException} before any byte is sent.
 *   <li>Fields the caller did not set are never wiped at the vendor: an updater that has to send a
 *       whole object reads the vendor's copy first, merges, and sends back every property it did
 *       not change exactly as it was read.
 *   <li>A read that does not name the requested customer is never written back ({@link
 *       UnexpectedCustomerException}), and nothing is written when nothing changed.
 *   <li>A neutral field the vendor cannot hold becomes a warning on the {@link UpdateResult},
 *       never a silent drop.
 *   <li>Implementations are thread-safe.
 * </ul>
 */
public interface CustomerUpdater {

  /**
   * {@return the vendor's short name, e.g. {@code "bokamera"}, {@code "billbee"}, {@code "storm"}}
   */
  String vendor();

  /**
   * Updates the customer the vendor knows by {@code customerId} with every field set in {@code
   * customer}, and returns what the vendor holds afterwards.
   *
   * @param customerId the vendor's own id for the customer, in the vendor's format
   * @param customer the fields to write; fields not set keep the vendor's values
   * @return what the vendor holds afterwards, and what was written
   * @throws CustomerValidationException the id or customer is invalid; nothing was sent
   * @throws VendorApiException the vendor refused
   * @throws TransportException no answer could be had
   */
  UpdateResult update(String customerId, Customer customer);

  /**
   * What {@link #update} would change, without writing: validates, reads the vendor's customer,
   * merges and compares, exactly as {@code update} does up to its write. An empty plan means
   * {@code update} would send no write.
   *
   * @param customerId the vendor's own id for the customer, in the vendor's format
   * @param customer the fields {@code update} would write
   * @return every property the write would change
   * @throws CustomerValidationException the id or customer is invalid; nothing was sent
   * @throws VendorApiException the vendor refused the read, or answered with another customer
   * @throws TransportException no answer could be had
   * @throws UnsupportedOperationException this updater cannot plan (the SDK's own updaters all can)
   */
  default UpdatePlan plan(String customerId, Customer customer) {
    throw new UnsupportedOperationException(vendor() + " updater cannot plan an update without writing");
  }

  /**
   * {@link #update} without blocking the caller. The default runs it on a shared, bounded pool of
   * daemon threads meant for blocking calls ({@link BlockingCalls}; never the common ForkJoin pool,
   * which blocking HTTP would starve); the vendor clients run it on the executor given to their
   * builder's {@code executor(..)}. When every thread of the pool is busy and its queue is full,
   * the calling thread runs the update itself, so this may then block. The future completes
   * exceptionally with the same exceptions, or with a {@link CustomerSyncException} when the
   * executor refuses the call.
   *
   * @param customerId the vendor's own id for the customer, in the vendor's format
   * @param customer the fields to write; fields not set keep the vendor's values
   * @return the update's result, once it is done
   */
  default CompletableFuture<UpdateResult> updateAsync(String customerId, Customer customer) {
    return BlockingCalls.supplyAsync(() -> update(customerId, customer), BlockingCalls.executor(),
        vendor() + " update of customer " + customerId);
  }

  /**
   * {@return the vendor's {@link CustomerDirectory}, to find customers by e-mail or code and create
   * missing ones, or empty when this updater has none} The SDK's own updaters all have one.
   */
  default Optional<CustomerDirectory> directory() {
    return Optional.empty();
  }
}
