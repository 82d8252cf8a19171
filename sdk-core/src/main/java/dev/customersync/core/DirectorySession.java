package dev.customersync.core;

import java.util.Optional;

/**
 * One bulk run's view of a {@link CustomerDirectory}: finds, creates, updates and plans, with
 * whatever the directory keeps for the run (Billbee's e-mail and number index, its page snapshot).
 * Close it when the run ends to release that.
 *
 * <p>Thread-safe: the run's workers share one session.
 */
public interface DirectorySession extends AutoCloseable {

  /**
   * Finds the customer carrying {@code value} as {@code key}, as {@link CustomerDirectory#find} does,
   * from the session's index where it keeps one.
   *
   * @param key the key to match on; one of the directory's {@link CustomerDirectory#matchKeys()}
   * @param value the key's value as the customer holds it, trimmed (compared normalized)
   * @return the vendor's id of the one customer that matches, or empty when none does
   * @throws AmbiguousMatchException several customers match
   */
  Optional<String> find(MatchKey key, String value);

  /**
   * Creates the customer, as {@link CustomerDirectory#create} does, and adds it to the session's
   * index.
   *
   * @param customer the neutral customer
   * @return the result, whose {@link UpdateResult#customerId()} is the new id
   */
  UpdateResult create(Customer customer);

  /**
   * Updates as {@link CustomerUpdater#update} does, using the session's page snapshot as the read
   * when it holds a fresh copy of the customer.
   *
   * @param customerId the vendor's id
   * @param customer the fields to write
   * @return the update's result
   */
  UpdateResult update(String customerId, Customer customer);

  /**
   * Plans as {@link CustomerUpdater#plan} does, using the page snapshot like {@link #update}.
   *
   * @param customerId the vendor's id
   * @param customer the fields to compare
   * @return the plan
   */
  UpdatePlan plan(String customerId, Customer customer);

  /** Drops what the session keeps; it must not be used afterwards. */
  @Override
  default void close() {}

  /**
   * A session that keeps nothing: every call goes to {@code directory} and {@code updater}.
   *
   * @param directory where finds and creates go
   * @param updater where updates and plans go
   * @return the session
   */
  static DirectorySession direct(CustomerDirectory directory, CustomerUpdater updater) {
    return new DirectorySession() {
      @Override
      public Optional<String> find(MatchKey key, String value) {
        return directory.find(key, value);
      }

      @Override
      public UpdateResult create(Customer customer) {
        return directory.create(customer);
      }

      @Override
      public UpdateResult update(String customerId, Customer customer) {
        return updater.update(customerId, customer);
      }

      @Override
      public UpdatePlan plan(String customerId, Customer customer) {
        return updater.plan(customerId, customer);
      }
    };
  }
}
