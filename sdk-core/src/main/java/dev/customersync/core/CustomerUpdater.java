package dev.customersync.core;

import dev.customersync.core.internal.BlockingCalls;
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
 *       whole object reads the vendor's copy first and merges.
 *   <li>A neutral field the vendor cannot hold becomes a warning on the {@link UpdateResult},
 *       never a silent drop.
 *   <li>Implementations are thread-safe.
 * </ul>
 */
public interface CustomerUpdater {

  /** The vendor's short name, e.g. {@code "bokamera"}, {@code "billbee"}, {@code "storm"}. */
  String vendor();

  /**
   * Updates the customer the vendor knows by {@code customerId} with every field set in {@code
   * customer}, and returns what the vendor holds afterwards.
   *
   * @param customerId the vendor's own id for the customer, in the vendor's format
   * @throws CustomerValidationException the id or customer is invalid; nothing was sent
   * @throws VendorApiException the vendor refused
   * @throws TransportException no answer could be had
   */
  UpdateResult update(String customerId, Customer customer);

  /**
   * {@link #update} without blocking the caller. The default runs it on a shared, bounded pool of
   * daemon threads meant for blocking calls ({@link BlockingCalls}; never the common ForkJoin pool,
   * which blocking HTTP would starve); the vendor clients run it on the executor given to their
   * builder's {@code executor(..)}. When every thread of the pool is busy and its queue is full,
   * the calling thread runs the update itself, so this may then block. The future completes
   * exceptionally with the same exceptions, or with a {@link CustomerSyncException} when the
   * executor refuses the call.
   */
  default CompletableFuture<UpdateResult> updateAsync(String customerId, Customer customer) {
    return BlockingCalls.supplyAsync(() -> update(customerId, customer), BlockingCalls.executor(),
        vendor() + " update of customer " + customerId);
  }
}
