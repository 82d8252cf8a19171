package dev.customersync.core;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Finds a vendor's customers by a {@link MatchKey} and creates missing ones, so a sync can work
 * from the caller's own data without the vendor's ids. Each vendor module's updater hands its
 * directory out through {@link CustomerUpdater#directory()}.
 *
 * <p>The contract every implementation keeps:
 * <ul>
 *   <li>{@link #find} answers the one customer that carries the key, empty when none does, and
 *       throws {@link AmbiguousMatchException} naming every id when several do: never a guess.
 *   <li>{@link #create} validates first (the vendor's required fields included) and sends at most
 *       one request: a create is never retried once it may have reached the vendor, since no
 *       vendor offers an idempotency key. A caller who gets a failure with {@link
 *       TransportException#mayHaveReachedVendor()} must {@link #find} again before creating again.
 *   <li>{@link #create} causes no side effect the caller did not ask for (Storm is asked not to
 *       mail the customer).
 *   <li>Implementations are thread-safe.
 * </ul>
 */
public interface CustomerDirectory {

  /** {@return the vendor's short name, as its updater's {@link CustomerUpdater#vendor()}} */
  String vendor();

  /**
   * {@return a stable fingerprint of the vendor account this directory talks to (its base URL and
   * account, hashed; never a secret), so remembered sync state of one account is never used for
   * another}
   */
  String accountFingerprint();

  /** {@return the keys {@link #find} can match on at this vendor} */
  Set<MatchKey> matchKeys();

  /**
   * Finds the customer carrying {@code value} as {@code key}.
   *
   * @param key one of {@link #matchKeys()}
   * @param value the key's value as the customer holds it, trimmed; sent to the vendor as it is
   *     (a vendor's lookup may or may not ignore case) and compared {@link MatchKey#normalize
   *     normalized} on both sides
   * @return the vendor's id of the one customer that matches, or empty when none does
   * @throws AmbiguousMatchException several customers match
   * @throws IllegalArgumentException the vendor cannot match on {@code key}
   */
  Optional<String> find(MatchKey key, String value);

  /**
   * Creates the customer at the vendor with every field it sets. Sent at most once.
   *
   * @param customer the neutral customer
   * @return the result: {@link UpdateResult#customerId()} is the new id, {@link
   *     UpdateResult#changes()} every property set
   * @throws CustomerValidationException the customer lacks what the vendor requires or breaks a
   *     rule; nothing was sent
   */
  UpdateResult create(Customer customer);

  /**
   * What {@link #create} would send, without sending anything.
   *
   * @param customer the neutral customer
   * @return a plan whose changes are every property the create would set
   * @throws CustomerValidationException as {@link #create} would
   */
  UpdatePlan planCreate(Customer customer);

  /**
   * Opens a session for one bulk run. The default keeps nothing; a directory that finds through an
   * index (Billbee) builds it once per session.
   *
   * @param updater the vendor's updater, for the session's updates and plans
   * @param pageReads whether the session may use page reads as the read of its updates
   * @param expectedItems the run's expected number of customers, when known
   * @return a new session; close it when the run ends
   */
  default DirectorySession openSession(CustomerUpdater updater, PageReads pageReads, OptionalLong expectedItems) {
    return DirectorySession.direct(this, updater);
  }
}
