package dev.customersync.billbee;

import com.fasterxml.jackson.databind.JsonNode;
import dev.customersync.core.AmbiguousMatchException;
import dev.customersync.core.Customer;
import dev.customersync.core.CustomerDirectory;
import dev.customersync.core.CustomerUpdater;
import dev.customersync.core.CustomerValidationException;
import dev.customersync.core.DirectorySession;
import dev.customersync.core.MatchKey;
import dev.customersync.core.PageReads;
import dev.customersync.core.RateLimitTimeoutException;
import dev.customersync.core.TransportException;
import dev.customersync.core.UpdatePlan;
import dev.customersync.core.UpdateResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Finds Billbee customers by e-mail or customer number and creates missing ones ({@link
 * BillbeeClient#customerDirectory()}).
 *
 * <p><b>Finding.</b> Billbee has no find: {@link #find} looks in an index of every customer, built
 * by reading every page of {@code GET /api/v1/customers} (250 a page; see {@link
 * BillbeeCustomerPages} for when it stops). {@link MatchKey#EMAIL} matches {@code Email}
 * case-insensitively; {@link MatchKey#EXTERNAL_CODE} matches {@code Number}'s digits exactly (a code
 * {@code "0042"} never matches Number 42). The index is built on the first find, reused while it is
 * younger than the builder's {@code indexMaxAge} (default 5 minutes), and rebuilt after: a customer
 * created elsewhere meanwhile is not seen before then. One build runs at a time; finds that need it
 * wait for it.
 *
 * <p><b>Archived customers.</b> Whether the list includes them is unconfirmed. Those it includes are
 * indexed like any other, never skipped: an archived customer that shares a key with a live one
 * makes the key ambiguous ({@link AmbiguousMatchException} naming both), and one that is the only
 * match is found, and the update then refuses it ({@link BillbeeCustomerArchivedException}), so a
 * sync reports it instead of silently creating a duplicate.
 *
 * <p><b>Creating.</b> {@link #create} validates (a name and an {@code externalCode} that fits
 * Billbee's int32 {@code Number} are required beyond the neutral rules), builds the {@code
 * CreateCustomerApiModel} with the update's mapper plus an {@code Address} (always sent, {@code
 * AddressType} 1; see {@link BillbeeClient#createCustomer}) and POSTs it once: Billbee has no
 * idempotency key, so the POST is never repeated once it may have reached Billbee (only a 429, and
 * a connection failure before anything was sent, are retried, as the client's retry policy says).
 * The created customer is added to the index. A create that fails after it may have reached
 * Billbee marks the index stale, so the next find reads the pages again and sees the customer if
 * it was created. Billbee sends no mail on a create.
 *
 * <p>Thread-safe.
 */
public final class BillbeeCustomerDirectory implements CustomerDirectory {

  static final Duration DEFAULT_INDEX_MAX_AGE = Duration.ofMinutes(5);
  static final Duration DEFAULT_SNAPSHOT_MAX_AGE = Duration.ofMinutes(10);
  private static final Set<MatchKey> KEYS = Set.copyOf(EnumSet.of(MatchKey.EMAIL, MatchKey.EXTERNAL_CODE));

  private final BillbeeClient client;
  private final BillbeeCustomerCreator creator;
  private final String fingerprint;
  private final Duration indexMaxAge;
  private final Duration snapshotMaxAge;
  private final Clock clock;
  private final Object indexLock = new Object();
  /** Bumped by every create that may have made a customer the index misses. */
  private final AtomicLong staleMarks = new AtomicLong();
  // Guarded by indexLock.
  private @Nullable BillbeeCustomerIndex index;
  private @Nullable Instant builtAt;
  private long builtAtMark;

  BillbeeCustomerDirectory(BillbeeClient client, BillbeeCustomerCreator creator, String fingerprint,
      Duration indexMaxAge, Duration snapshotMaxAge, Clock clock) {
    this.client = client;
    this.creator = creator;
    this.fingerprint = fingerprint;
    this.indexMaxAge = indexMaxAge;
    this.snapshotMaxAge = snapshotMaxAge;
    this.clock = clock;
  }

  @Override
  public String vendor() {
    return BillbeeClient.VENDOR;
  }

  /**
   * {@inheritDoc} Here: SHA-256 over the base URL and the Billbee user name, hex, its first 16
   * characters. The API key and password are not in it.
   */
  @Override
  public String accountFingerprint() {
    return fingerprint;
  }

  /** {@return {@link MatchKey#EMAIL} ({@code Email}) and {@link MatchKey#EXTERNAL_CODE} ({@code Number})} */
  @Override
  public Set<MatchKey> matchKeys() {
    return KEYS;
  }

  /**
   * {@inheritDoc} From the directory's index, read from every page of the customer list when it is
   * missing, older than {@code indexMaxAge} or stale after a create that may have reached Billbee.
   *
   * @throws dev.customersync.core.VendorApiException a page read failed, or a listed customer has
   *     no integer {@code Id}
   * @throws TransportException a page could not be read
   */
  @Override
  public Optional<String> find(MatchKey key, String value) {
    checkKey(key);
    return resolve(key, value, currentIndex());
  }

  /**
   * {@inheritDoc}
   *
   * @throws dev.customersync.core.VendorApiException Billbee refused, or answered without the new
   *     customer's {@code Id} (it may then exist)
   * @throws TransportException no answer could be had; when {@code mayHaveReachedVendor()} the
   *     customer may exist, and the next find reads the pages again
   */
  @Override
  public UpdateResult create(Customer customer) {
    BillbeeCustomerCreator.Created created = createTracked(customer);
    return created.result();
  }

  @Override
  public UpdatePlan planCreate(Customer customer) {
    return creator.plan(customer);
  }

  /**
   * {@inheritDoc} Here a {@link BillbeeDirectorySession}: its own index, built on its first find,
   * and the page snapshot that stands in for its updates' reads as {@code pageReads} says.
   */
  @Override
  public BillbeeDirectorySession openSession(CustomerUpdater updater, PageReads pageReads, OptionalLong expectedItems) {
    return new BillbeeDirectorySession(this, client, updater, pageReads, expectedItems, snapshotMaxAge, clock);
  }

  /** Creates, adds the customer to the index, and marks the index stale when a failure may hide a customer. */
  BillbeeCustomerCreator.Created createTracked(Customer customer) {
    BillbeeCustomerCreator.Prepared prepared = creator.prepare(customer);
    BillbeeCustomerCreator.Created created;
    try {
      created = creator.create(prepared);
    } catch (RuntimeException e) {
      if (mayHaveCreated(e)) {
        staleMarks.incrementAndGet();
      }
      throw e;
    }
    synchronized (indexLock) {
      if (index != null) {
        index.add(created.customer());
      }
    }
    return created;
  }

  /**
   * Whether a failed create may have left a customer at Billbee: anything but a refusal before
   * sending. A Billbee refusal (a 400, an error envelope) creates nothing either, but telling every
   * refusal from a half-done create is guesswork, and a needless rebuild only costs page reads,
   * while an index that misses a created customer makes the next find create it twice.
   */
  static boolean mayHaveCreated(RuntimeException e) {
    if (e instanceof CustomerValidationException || e instanceof RateLimitTimeoutException) {
      return false;
    }
    return !(e instanceof TransportException t) || t.mayHaveReachedVendor();
  }

  static Optional<String> resolve(MatchKey key, String value, BillbeeCustomerIndex index) {
    checkKey(key);
    Objects.requireNonNull(value, "value");
    List<String> ids = index.ids(key, key.normalize(value));
    if (ids.size() > 1) {
      throw new AmbiguousMatchException(BillbeeClient.VENDOR, key, ids);
    }
    return ids.isEmpty() ? Optional.empty() : Optional.of(ids.get(0));
  }

  static void checkKey(MatchKey key) {
    if (key == null || !KEYS.contains(key)) {
      throw new IllegalArgumentException("billbee cannot find customers by " + key);
    }
  }

  private BillbeeCustomerIndex currentIndex() {
    synchronized (indexLock) {
      Instant now = clock.instant();
      long marks = staleMarks.get();
      if (index == null || builtAt == null || marks != builtAtMark
          || Duration.between(builtAt, now).compareTo(indexMaxAge) >= 0) {
        BillbeeCustomerIndex fresh = new BillbeeCustomerIndex();
        BillbeeCustomerPages.readAll(client, null, page -> page.items().forEach(fresh::add));
        index = fresh;
        builtAt = now;
        builtAtMark = marks;
      }
      return index;
    }
  }

  @Override
  public String toString() {
    return "BillbeeCustomerDirectory{" + client + "}";
  }
}
