package dev.customersync.billbee;

import com.fasterxml.jackson.databind.JsonNode;
import dev.customersync.core.Customer;
import dev.customersync.core.CustomerUpdater;
import dev.customersync.core.DirectorySession;
import dev.customersync.core.MatchKey;
import dev.customersync.core.PageReads;
import dev.customersync.core.UpdatePlan;
import dev.customersync.core.UpdateResult;
import dev.customersync.core.VendorApiException;
import dev.customersync.core.json.LosslessJson;
import dev.customersync.core.spi.CustomerTree;
import dev.customersync.core.spi.DirectoryCustomerUpdater;
import dev.customersync.core.spi.ReadMergeWriteUpdater;
import dev.customersync.core.spi.VendorResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.Headers;
import org.jspecify.annotations.Nullable;

/**
 * One bulk run's view of a {@link BillbeeCustomerDirectory} ({@link
 * BillbeeCustomerDirectory#openSession}): its own e-mail and number index, and a snapshot of the
 * customers read from the list's pages that stands in for the read of the run's updates and plans.
 *
 * <p><b>Index.</b> Built from every page on the session's first {@link #find}, kept for the session
 * (not shared with other sessions or the directory) and extended by its {@link #create}s. A create
 * that fails after it may have reached Billbee makes the next find read the pages again.
 *
 * <p><b>Page snapshot.</b> While reading pages the session keeps each customer's exact JSON (as
 * bytes, not a tree, to keep memory low; only when the account has at most {@value
 * #SNAPSHOT_MAX_ROWS} customers). {@link #update} and {@link #plan} use a customer's entry as the
 * read of {@link ReadMergeWriteUpdater#update(String, Customer, CustomerTree)} when it is younger
 * than {@code snapshotMaxAge} (builder option, default 10 minutes), and remove it when used: a
 * second update of the customer in the run reads it again, since the first one wrote. Every other
 * step of the update is the same, the id check and the archived check included. Whether the pages
 * are read for it follows {@link PageReads}:
 * <ul>
 *   <li>{@link PageReads#NEVER}: no snapshot; pages are read only for a find's index.
 *   <li>{@link PageReads#ALWAYS}: the first update or plan reads every page, unless a find already did.
 *   <li>{@link PageReads#AUTO}: the snapshot is used when a find built the index anyway; else, when
 *       {@code expectedItems} is known, the first update or plan reads page 1 and, when {@code
 *       expectedItems >= TotalPages}, every other page. One page read costs one call and covers 250
 *       customers, so reading the pages pays once the run would otherwise make at least as many
 *       single reads as there are pages. When it does not pay, page 1's customers still serve as
 *       snapshot entries. Unknown {@code expectedItems}: single reads.
 * </ul>
 * A snapshot read counts 0 attempts in the update's result: the page's one call was counted once,
 * when the page was read (it is not in any update's attempts). An updater other than this client's
 * own (or its read-merge-write updater) gets no snapshot: every call goes to it as it is.
 *
 * <p>Thread-safe; the run's workers share one session.
 */
public final class BillbeeDirectorySession implements DirectorySession {

  /** The largest account whose pages the session keeps as a snapshot. */
  static final int SNAPSHOT_MAX_ROWS = 100_000;

  private final BillbeeCustomerDirectory directory;
  private final BillbeeClient client;
  private final CustomerUpdater updater;
  private final @Nullable ReadMergeWriteUpdater<Long> readMergeWrite;
  private final PageReads pageReads;
  private final OptionalLong expectedItems;
  private final Duration snapshotMaxAge;
  private final Clock clock;
  private final Map<Long, Snapshot> snapshot = new ConcurrentHashMap<>();
  private final Object lock = new Object();
  // Guarded by lock.
  private @Nullable BillbeeCustomerIndex index;
  private boolean indexStale;
  // Volatile: snapshotRead looks at it without the lock to skip validating once pages are read.
  private volatile boolean snapshotDecided;

  BillbeeDirectorySession(BillbeeCustomerDirectory directory, BillbeeClient client, CustomerUpdater updater,
      PageReads pageReads, OptionalLong expectedItems, Duration snapshotMaxAge, Clock clock) {
    this.directory = directory;
    this.client = client;
    this.updater = updater;
    this.readMergeWrite = readMergeWriteOf(updater, client);
    this.pageReads = pageReads;
    this.expectedItems = expectedItems;
    this.snapshotMaxAge = snapshotMaxAge;
    this.clock = clock;
  }

  /**
   * {@inheritDoc} From the session's index, read from every page on the first find (and again after
   * a create that may have reached Billbee failed).
   */
  @Override
  public Optional<String> find(MatchKey key, String value) {
    BillbeeCustomerDirectory.checkKey(key);
    BillbeeCustomerIndex current;
    synchronized (lock) {
      if (index == null || indexStale) {
        buildIndex(null);
      }
      current = index;
    }
    return BillbeeCustomerDirectory.resolve(key, value, current);
  }

  @Override
  public UpdateResult create(Customer customer) {
    BillbeeCustomerCreator.Created created;
    try {
      created = directory.createTracked(customer);
    } catch (RuntimeException e) {
      if (BillbeeCustomerDirectory.mayHaveCreated(e)) {
        synchronized (lock) {
          indexStale = true;
        }
      }
      throw e;
    }
    synchronized (lock) {
      if (index != null) {
        index.add(created.customer());
      }
    }
    return created.result();
  }

  @Override
  public UpdateResult update(String customerId, Customer customer) {
    CustomerTree read = snapshotRead(customerId, customer);
    return read != null && readMergeWrite != null
        ? readMergeWrite.update(customerId, customer, read) : updater.update(customerId, customer);
  }

  @Override
  public UpdatePlan plan(String customerId, Customer customer) {
    CustomerTree read = snapshotRead(customerId, customer);
    return read != null && readMergeWrite != null
        ? readMergeWrite.plan(customerId, customer, read) : updater.plan(customerId, customer);
  }

  @Override
  public void close() {
    synchronized (lock) {
      index = null;
    }
    snapshot.clear();
  }

  /** {@return how many customers the page snapshot holds now; for tests and benchmarks} */
  int snapshotSize() {
    return snapshot.size();
  }

  /** The customer's snapshot entry as a read, removed; null when there is none or it is too old. */
  private @Nullable CustomerTree snapshotRead(String customerId, Customer customer) {
    if (readMergeWrite == null || pageReads == PageReads.NEVER || customerId == null) {
      return null;
    }
    long id;
    try {
      id = Long.parseLong(customerId);
    } catch (NumberFormatException e) {
      return null; // the updater refuses the id with its own message, before any call
    }
    if (id <= 0 || !snapshotDecided && !customer.violations().isEmpty()) {
      // Bad input must not be what makes the session read pages: the updater refuses it before
      // any byte is sent. Once the pages are decided, the updater's own validation is enough.
      return null;
    }
    decideSnapshot();
    Snapshot s = snapshot.remove(id);
    if (s == null || Duration.between(s.readAt, clock.instant()).compareTo(snapshotMaxAge) >= 0) {
      return null;
    }
    return s.tree();
  }

  private void decideSnapshot() {
    synchronized (lock) {
      if (snapshotDecided) {
        return;
      }
      // Decided before reading: a failed page read fails this update once, not every later one.
      snapshotDecided = true;
      if (index != null) {
        return;
      }
      if (pageReads == PageReads.ALWAYS) {
        buildIndex(null);
      } else if (expectedItems.isPresent()) {
        BillbeeListPage first = client.readPage(1, BillbeeCustomerPages.PAGE_SIZE);
        Integer pages = first.totalPages();
        if (pages == null || expectedItems.getAsLong() >= pages) {
          buildIndex(first);
        } else {
          keep(first, clock.instant());
        }
      }
    }
  }

  /** Reads every page into a new index and, unless {@link PageReads#NEVER}, the snapshot. Under lock. */
  private void buildIndex(@Nullable BillbeeListPage first) {
    BillbeeCustomerIndex fresh = new BillbeeCustomerIndex();
    BillbeeCustomerPages.readAll(client, first, page -> {
      Instant readAt = clock.instant();
      page.items().forEach(fresh::add);
      if (pageReads != PageReads.NEVER && readMergeWrite != null) {
        keep(page, readAt);
      }
    });
    index = fresh;
    indexStale = false;
    snapshotDecided = true;
  }

  private void keep(BillbeeListPage page, Instant readAt) {
    Integer rows = page.totalRows();
    if (rows != null ? rows > SNAPSHOT_MAX_ROWS : snapshot.size() + page.items().size() > SNAPSHOT_MAX_ROWS) {
      snapshot.clear();
      return;
    }
    VendorResponse r = page.response();
    for (JsonNode item : page.items()) {
      snapshot.put(BillbeeListPage.idOf(item), new Snapshot(LosslessJson.write(item), r.status(), r.headers(), readAt));
    }
  }

  @SuppressWarnings("unchecked")
  private static @Nullable ReadMergeWriteUpdater<Long> readMergeWriteOf(CustomerUpdater updater, BillbeeClient client) {
    // The client builds its updater over ReadMergeWriteUpdater<Long>: the cast only restores that type.
    ReadMergeWriteUpdater<Long> own = client.customerUpdater() instanceof DirectoryCustomerUpdater<?> u
        ? (ReadMergeWriteUpdater<Long>) u.readMergeWrite() : null;
    if (updater instanceof DirectoryCustomerUpdater<?> u && u.readMergeWrite() == own) {
      return own;
    }
    // Only this client's own: a snapshot of one account must never stand in for another's read.
    return updater == own ? own : null;
  }

  /** One customer as a list page carried it, exact, with the page's status and headers. */
  private record Snapshot(byte[] json, int status, Headers headers, Instant readAt) {
    CustomerTree tree() {
      try {
        // The page's response stands for the read; its body is the customer's own JSON, so an
        // error message quotes the customer rather than 250 of them. Attempts 0: see the class doc.
        return new CustomerTree(LosslessJson.read(json), new VendorResponse(status, headers, json, 0));
      } catch (IOException e) {
        throw VendorApiException.builder().vendor(BillbeeClient.VENDOR).statusCode(status)
            .message("a customer kept from a list page no longer parses: " + e.getMessage()).build();
      }
    }
  }
}
