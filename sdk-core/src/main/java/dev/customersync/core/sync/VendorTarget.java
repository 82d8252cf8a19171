package dev.customersync.core.sync;

import dev.customersync.core.Customer;
import dev.customersync.core.CustomerDirectory;
import dev.customersync.core.CustomerSyncException;
import dev.customersync.core.CustomerUpdater;
import dev.customersync.core.CustomerValidationException;
import dev.customersync.core.DirectorySession;
import dev.customersync.core.MatchKey;
import dev.customersync.core.NoMatchException;
import dev.customersync.core.NotFoundException;
import dev.customersync.core.UpdatePlan;
import dev.customersync.core.UpdateResult;
import dev.customersync.core.Violation;
import dev.customersync.core.internal.Attempts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One vendor as a sync sees it: its updater, its directory (to find customers by match key and
 * create missing ones), the run's state store and switches. {@link #run} takes one link of one
 * customer from "which customer is this" to its outcome:
 *
 * <ol>
 *   <li>a link by match key takes the key's value from the customer; a missing or malformed value
 *       fails here, before any call;
 *   <li>with a state store, an unchanged customer (same fingerprint as last confirmed) is SKIPPED
 *       with no call; the remembered id saves the lookup otherwise;
 *   <li>a link by match key without a remembered id is looked up ({@link DirectorySession#find});
 *       none found: created when the run says so, else a {@link NoMatchException};
 *   <li>read-merge-write (or its plan in a dry run);
 *   <li>the state is written only after the vendor confirmed.
 * </ol>
 *
 * A remembered id the vendor no longer knows (deleted there) is forgotten and the key looked up
 * again. A create whose answer may have been lost is never sent again: the key is looked up again
 * instead, so a lost answer cannot make a duplicate. Thread-safe.
 */
final class VendorTarget {

  private final String vendor;
  private final CustomerUpdater updater;
  private final @Nullable CustomerDirectory directory;
  private final String account;
  private final @Nullable SyncStateStore state;
  private final boolean dryRun;
  private final boolean createMissing;
  private final boolean fullResync;
  private final Clock clock;
  private final Consumer<SyncStateException> stateFailed;
  private final Supplier<DirectorySession> sessionOpener;
  private volatile @Nullable DirectorySession session;

  VendorTarget(CustomerUpdater updater, SyncOptions options, Clock clock, Consumer<SyncStateException> stateFailed,
      boolean bulk) {
    this.vendor = updater.vendor();
    this.updater = updater;
    this.directory = updater.directory().orElse(null);
    this.account = directory != null ? directory.accountFingerprint() : "";
    this.state = options.stateStore().orElse(null);
    this.dryRun = options.dryRun();
    this.createMissing = options.createMissing();
    this.fullResync = options.fullResync();
    this.clock = clock;
    this.stateFailed = stateFailed;
    CustomerDirectory d = directory;
    if (d == null) {
      this.sessionOpener = () -> null;
    } else if (bulk) {
      this.sessionOpener = () -> d.openSession(updater, options.pageReads(), options.expectedItems());
    } else {
      this.sessionOpener = () -> DirectorySession.direct(d, updater);
    }
  }

  String vendor() {
    return vendor;
  }

  /**
   * The key two tasks of one run are ordered by: the same customer id, or the same match-key value,
   * at this vendor. Null when the link's key value is missing: the task fails on its own.
   */
  @Nullable String orderKey(CustomerLink link, Customer customer) {
    if (link.customerId() != null) {
      return "id:" + link.customerId();
    }
    MatchKey key = link.matchKey();
    return key.valueIn(customer).map(v -> key.field() + ":" + v).orElse(null);
  }

  VendorOutcome run(CustomerLink link, Customer customer) {
    Instant started = clock.instant();
    try {
      return link.isByMatchKey() ? byKey(link, customer, started) : byId(link, customer, started);
    } catch (CustomerSyncException e) {
      return VendorOutcome.failed(link, e, since(started));
    } catch (Throwable e) {
      // Errors too: a NoSuchMethodError from a version clash or a StackOverflowError in one update
      // must end that update, not the thread that runs the rest of the vendor's lane.
      return VendorOutcome.failed(link, new CustomerSyncException(vendor + " updater failed unexpectedly: " + e, e),
          since(started));
    }
  }

  /** Ends the run's session, if one was opened. */
  void close() {
    DirectorySession s = session;
    if (s != null) {
      try {
        s.close();
      } catch (RuntimeException ignored) {
        // Closing drops caches; failing to do so cannot change any outcome.
      }
    }
  }

  private VendorOutcome byId(CustomerLink link, Customer customer, Instant started) {
    String id = link.customerId();
    SyncStateKey key = state == null ? null : SyncStateKey.ofId(vendor, account, id);
    String hash = state == null ? null : CustomerFingerprint.of(customer);
    if (key != null && !fullResync) {
      Optional<SyncState> remembered = get(key);
      if (remembered.isPresent() && remembered.get().customerHash().equals(hash)) {
        return VendorOutcome.skipped(link, id, since(started));
      }
    }
    try {
      return updateOrPlan(link, id, customer, key, hash, started);
    } catch (NotFoundException e) {
      if (key != null && !dryRun) {
        remove(key);
      }
      throw e;
    }
  }

  private VendorOutcome byKey(CustomerLink link, Customer customer, Instant started) {
    MatchKey matchKey = link.matchKey();
    CustomerDirectory d = directory;
    if (d == null) {
      throw new CustomerSyncException("the " + vendor + " updater (" + updater.getClass().getName()
          + ") has no directory, so it cannot find customers by " + matchKey.field() + "; link by id");
    }
    if (!d.matchKeys().contains(matchKey)) {
      throw new CustomerSyncException(vendor + " cannot find customers by " + matchKey.field() + " (it matches on "
          + d.matchKeys().stream().map(MatchKey::field).toList() + "); link by another key or by id");
    }
    String value = keyValue(matchKey, customer);
    SyncStateKey key = state == null ? null : SyncStateKey.of(vendor, account, matchKey, value);
    String hash = state == null ? null : CustomerFingerprint.of(customer);
    Optional<SyncState> remembered = key == null ? Optional.empty() : get(key);
    if (remembered.isPresent()) {
      if (!fullResync && remembered.get().customerHash().equals(hash)) {
        return VendorOutcome.skipped(link, remembered.get().customerId(), since(started));
      }
      try {
        return updateOrPlan(link, remembered.get().customerId(), customer, key, hash, started);
      } catch (NotFoundException e) {
        // Deleted at the vendor since it was remembered: forget it and find the key again.
        if (!dryRun) {
          remove(key);
        }
      }
    }
    // The vendor is asked with the value as the customer holds it; the state keys on the normalized one.
    String asHeld = (matchKey == MatchKey.EMAIL ? customer.email() : customer.externalCode()).orElseThrow().strip();
    Optional<String> found = session().find(matchKey, asHeld);
    if (found.isPresent()) {
      return updateOrPlan(link, found.get(), customer, key, hash, started);
    }
    if (!createMissing) {
      throw new NoMatchException(vendor, matchKey);
    }
    if (dryRun) {
      UpdatePlan plan = directoryOf().planCreate(customer);
      return VendorOutcome.wouldCreate(link, plan, 0, since(started));
    }
    return create(link, customer, matchKey, asHeld, key, hash, started);
  }

  private VendorOutcome create(CustomerLink link, Customer customer, MatchKey matchKey, String value,
      @Nullable SyncStateKey key, @Nullable String hash, Instant started) {
    UpdateResult created;
    try {
      created = session().create(customer);
    } catch (CustomerSyncException e) {
      // The HTTP engine marks a 5xx or a lost answer to a create (a write) as may-have-landed.
      if (!e.mayHaveReachedVendor()) {
        throw e;
      }
      // The create may have landed with its answer lost. Never send it again: look the key up, and
      // if the vendor has the customer now, that is the one created.
      Optional<String> again;
      try {
        again = session().find(matchKey, value);
      } catch (CustomerSyncException findFailed) {
        e.addSuppressed(findFailed);
        throw lostCreate(e);
      }
      if (again.isEmpty()) {
        throw lostCreate(e);
      }
      remember(key, again.get(), hash);
      return VendorOutcome.createdUnconfirmed(link, again.get(), Attempts.of(e), since(started));
    }
    remember(key, created.customerId(), hash);
    return VendorOutcome.created(link, created, since(started));
  }

  private CustomerSyncException lostCreate(CustomerSyncException e) {
    return new CustomerSyncException("the " + vendor + " create may have reached " + vendor + " but its answer was lost,"
        + " and looking the customer up again did not find it; not sent again, so that it cannot be duplicated"
        + " (the next run finds or creates it): " + e.getMessage(), e);
  }

  private VendorOutcome updateOrPlan(CustomerLink link, String id, Customer customer, @Nullable SyncStateKey key,
      @Nullable String hash, Instant started) {
    if (dryRun) {
      UpdatePlan plan = session() != null ? session().plan(id, customer) : planDirect(id, customer);
      return VendorOutcome.planned(link, plan, since(started));
    }
    UpdateResult result = session() != null ? session().update(id, customer) : updater.update(id, customer);
    // The vendor confirmed (a write, or that it already held every value): now, and only now, remember.
    remember(key, id, hash);
    return VendorOutcome.updated(link, result, since(started));
  }

  private UpdatePlan planDirect(String id, Customer customer) {
    try {
      return updater.plan(id, customer);
    } catch (UnsupportedOperationException e) {
      // An updater written before plan(..) existed: the dry run cannot say what it would change,
      // and must not fall back to update(..), which writes.
      throw new CustomerSyncException("dry run: the " + vendor + " updater cannot plan an update without writing ("
          + updater.getClass().getName() + " does not implement CustomerUpdater.plan); nothing was sent to " + vendor,
          e);
    }
  }

  private String keyValue(MatchKey matchKey, Customer customer) {
    Optional<String> value = matchKey.valueIn(customer);
    if (value.isEmpty()) {
      throw new CustomerValidationException(matchKey.field(), "is required to find the customer at " + vendor
          + " by " + matchKey.field(), null);
    }
    // A malformed e-mail cannot match anything and must not be created: refuse before any call.
    List<Violation> violations = customer.violations().stream()
        .filter(v -> v.field().equals(matchKey.field())).toList();
    if (!violations.isEmpty()) {
      throw new CustomerValidationException(violations);
    }
    return value.get();
  }

  private CustomerDirectory directoryOf() {
    return java.util.Objects.requireNonNull(directory);
  }

  private @Nullable DirectorySession session() {
    DirectorySession s = session;
    if (s == null && directory != null) {
      synchronized (this) {
        s = session;
        if (s == null) {
          s = sessionOpener.get();
          session = s;
        }
      }
    }
    return s;
  }

  private Optional<SyncState> get(SyncStateKey key) {
    try {
      return java.util.Objects.requireNonNull(state).get(key);
    } catch (SyncStateException e) {
      stateFailed.accept(e);
      throw e;
    } catch (RuntimeException e) {
      SyncStateException wrapped = new SyncStateException("the sync state store could not be read: " + e, e);
      stateFailed.accept(wrapped);
      throw wrapped;
    }
  }

  private void remember(@Nullable SyncStateKey key, String id, @Nullable String hash) {
    if (key == null || hash == null || dryRun) {
      return;
    }
    try {
      java.util.Objects.requireNonNull(state).put(key, new SyncState(id, hash, clock.instant()));
    } catch (RuntimeException e) {
      // The vendor holds the change; only the memory of it is lost, which costs one extra sync next
      // time. The run stops all the same: going on without state would hide a broken store.
      stateFailed.accept(e instanceof SyncStateException s ? s
          : new SyncStateException("the sync state store could not be written: " + e, e));
    }
  }

  private void remove(SyncStateKey key) {
    try {
      java.util.Objects.requireNonNull(state).remove(key);
    } catch (RuntimeException e) {
      stateFailed.accept(e instanceof SyncStateException s ? s
          : new SyncStateException("the sync state store could not be written: " + e, e));
    }
  }

  private Duration since(Instant started) {
    return Duration.between(started, clock.instant());
  }
}
