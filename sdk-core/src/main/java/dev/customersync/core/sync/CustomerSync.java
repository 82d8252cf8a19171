package dev.customersync.core.sync;

import dev.customersync.core.Customer;
import dev.customersync.core.CustomerSyncException;
import dev.customersync.core.CustomerUpdater;
import dev.customersync.core.UpdatePlan;
import dev.customersync.core.UpdateResult;
import dev.customersync.core.internal.BlockingCalls;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Keeps one customer, or millions, in step across vendors.
 *
 * <p>{@link #sync} sends one customer to every vendor it is linked to, concurrently, and returns an
 * outcome per vendor: one vendor failing never stops the others. {@link #syncAll} and {@link
 * #start} push a source of any length with bounded concurrency per vendor, backpressure (memory
 * stays flat whatever the source's size), the vendors' own rate limiters, progress callbacks,
 * cancellation, failures written to a sink as they happen, and a {@link SyncReport} that keeps
 * the first of them and can be replayed to retry exactly those.
 *
 * <pre>{@code
 * try (CustomerSync sync = CustomerSync.builder()
 *     .updater(bokaMera.customerUpdater())
 *     .updater(billbee.customerUpdater())
 *     .build()) {
 *   SyncOutcome outcome = sync.sync(List.of(
 *       CustomerLink.of("bokamera", "5f1c…"), CustomerLink.of("billbee", "100000150176895")), customer);
 * }
 * }</pre>
 *
 * <p><b>Dry runs.</b> {@link #plan} and {@link SyncOptions.Builder#dryRun} ask each updater what it
 * would change ({@link CustomerUpdater#plan}) and never write: outcomes are {@link
 * VendorOutcome.Status#WOULD_CHANGE} or {@link VendorOutcome.Status#UNCHANGED}, each with its plan.
 * A real update that found nothing to write is {@link VendorOutcome.Status#UNCHANGED} too.
 *
 * <p><b>One customer at a time.</b> Within one call of {@link #sync}, {@link #plan}, {@link
 * #syncAll} or {@link #start}, updates of the same customer at the same vendor never overlap and
 * run in source order (item by item, and link by link within an item), so two rows or two links
 * for one customer cannot overwrite each other with a stale read. "The same customer" means the
 * same vendor name and exactly the same {@link CustomerLink#customerId()} string: ids are not
 * canonicalized here, so {@code "42"} and {@code "042"}, or a GUID in upper and in lower case, are
 * different customers to the sync even when the vendor treats them as one. Give each customer's
 * id in one spelling. Separate calls, and separate {@code CustomerSync}s, are not ordered against
 * each other.
 *
 * <p>An updater that throws anything, Errors included (a {@code NoSuchMethodError} from a version
 * clash, a {@code StackOverflowError}), fails that one update: it becomes a {@link
 * VendorOutcome.Status#FAILED} outcome with a {@link CustomerSyncException} naming the vendor and
 * the throwable, and the run goes on.
 *
 * <p>Thread-safe. Closing it stops the threads {@link #sync} uses, unless they are the caller's
 * executor; running bulk jobs finish.
 */
public final class CustomerSync implements AutoCloseable {

  /** The name every thread of the default fan-out pool starts with. */
  public static final String FAN_OUT_THREAD_PREFIX = "customer-sync-fanout-";

  private final Map<String, CustomerUpdater> updaters;
  private final Map<String, Integer> concurrency;
  private final Clock clock;
  private final Executor fanOut;
  private final ExecutorService ownedFanOut;
  private final Map<String, VendorTarget> updateTargets = new LinkedHashMap<>();
  private final Map<String, VendorTarget> planTargets = new LinkedHashMap<>();
  private final Map<String, String> vendorsByLowerCase = new HashMap<>();
  private volatile boolean closed;

  private CustomerSync(Builder b) {
    // Insertion order kept: reports and progress list vendors in the order they were added.
    this.updaters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.updaters));
    Map<String, Integer> c = new LinkedHashMap<>();
    for (String vendor : b.updaters.keySet()) {
      c.put(vendor, b.concurrency.getOrDefault(vendor, b.defaultConcurrency));
    }
    this.concurrency = java.util.Collections.unmodifiableMap(c);
    this.clock = b.clock;
    SyncOptions plan = SyncOptions.builder().dryRun(true).build();
    updaters.keySet().forEach(v -> vendorsByLowerCase.put(v.toLowerCase(Locale.ROOT), v));
    for (CustomerUpdater u : updaters.values()) {
      // One customer at a time keeps no state and creates nothing: finds go straight to the directory.
      updateTargets.put(u.vendor(), new VendorTarget(u, SyncOptions.defaults(), clock, e -> {}, false));
      planTargets.put(u.vendor(), new VendorTarget(u, plan, clock, e -> {}, false));
    }
    if (b.executor != null) {
      this.fanOut = b.executor;
      this.ownedFanOut = null;
    } else {
      this.ownedFanOut = BlockingCalls.newBoundedPool(FAN_OUT_THREAD_PREFIX, BlockingCalls.MAX_THREADS,
          BlockingCalls.QUEUE_CAPACITY);
      this.fanOut = ownedFanOut;
    }
  }

  /**
   * Starts configuring a sync; add at least one updater.
   *
   * @return a new builder with the defaults
   */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the vendors this sync can update} */
  public java.util.Set<String> vendors() {
    return updaters.keySet();
  }

  /**
   * Updates {@code customer} at every linked vendor at once and waits for all of them. Links to the
   * same vendor and the same customer id (compared exactly, see {@link CustomerSync}) run one after
   * the other, in the links' order. A link by match key ({@link CustomerLink#byEmail}) is found
   * through the vendor's directory first; this method never creates a missing customer (a bulk run
   * with {@link SyncOptions.Builder#createMissing} does).
   *
   * @param customer the neutral customer; only the fields it sets are written
   * @param links the vendors and ids to update the customer at
   * @return one outcome per link, in the links' order: {@link VendorOutcome.Status#UPDATED}, {@link
   *     VendorOutcome.Status#UNCHANGED} when the vendor already held every value, or {@link
   *     VendorOutcome.Status#FAILED}; never throws for a vendor's failure
   * @throws SyncClosedException this sync is closed
   */
  public SyncOutcome sync(Customer customer, Collection<CustomerLink> links) {
    return syncAsync(customer, links).join();
  }

  /**
   * {@link #sync(Customer, Collection)} with the links given one by one.
   *
   * @param customer the neutral customer; only the fields it sets are written
   * @param links the vendors and ids to update the customer at
   * @return one outcome per link, in the links' order
   * @throws SyncClosedException this sync is closed
   */
  public SyncOutcome sync(Customer customer, CustomerLink... links) {
    return sync(customer, List.of(links));
  }

  /**
   * Updates one item: each link gets the item's customer, or the item's override for that vendor
   * ({@link SyncItem#withCustomerFor}), so a change that must differ per vendor fits in one sync.
   *
   * @param item the customer, its links and its per-vendor overrides
   * @return one outcome per link, in the links' order; {@link SyncOutcome#customer()} is the item's
   *     customer
   * @throws SyncClosedException this sync is closed
   */
  public SyncOutcome sync(SyncItem item) {
    return fanOutAll(item, false).join();
  }

  /**
   * Same as {@link #sync(Customer, Collection)}.
   *
   * @param links the vendors and ids to update the customer at
   * @param customer the neutral customer; only the fields it sets are written
   * @return one outcome per link, in the links' order
   * @deprecated the customer comes first everywhere else ({@link SyncItem#of}); use {@link
   *     #sync(Customer, Collection)}
   */
  @Deprecated
  public SyncOutcome sync(Collection<CustomerLink> links, Customer customer) {
    return sync(customer, links);
  }

  /**
   * {@link #sync(Customer, Collection)} without blocking, on the builder's {@linkplain
   * Builder#executor executor}. When the default pool has every thread busy and its queue full, the
   * calling thread runs an update itself, so this may then block. An executor that refuses an
   * update makes it a failed outcome.
   *
   * @param customer the neutral customer; only the fields it sets are written
   * @param links the vendors and ids to update the customer at
   * @return a future of one outcome per link, as {@link #sync(Customer, Collection)} returns them; it
   *     does not complete exceptionally for a vendor's failure
   * @throws SyncClosedException this sync is closed
   */
  public CompletableFuture<SyncOutcome> syncAsync(Customer customer, Collection<CustomerLink> links) {
    return fanOutAll(new SyncItem("", customer, List.copyOf(links)), false);
  }

  /**
   * Same as {@link #syncAsync(Customer, Collection)}.
   *
   * @param links the vendors and ids to update the customer at
   * @param customer the neutral customer; only the fields it sets are written
   * @return a future of one outcome per link
   * @deprecated use {@link #syncAsync(Customer, Collection)}: customer first, as everywhere else
   */
  @Deprecated
  public CompletableFuture<SyncOutcome> syncAsync(Collection<CustomerLink> links, Customer customer) {
    return syncAsync(customer, links);
  }

  /**
   * A dry run of {@link #sync(Customer, Collection)}: asks every linked vendor what the update would
   * change ({@link CustomerUpdater#plan}) and waits for all of them. Nothing is written anywhere.
   *
   * @param customer the neutral customer; only the fields it sets are compared
   * @param links the vendors and ids to plan the update at
   * @return one outcome per link, in the links' order: {@link VendorOutcome.Status#WOULD_CHANGE}
   *     with its {@link VendorOutcome#planIfDryRun() plan}, {@link VendorOutcome.Status#UNCHANGED}
   *     when the plan is empty, or {@link VendorOutcome.Status#FAILED} (also when the updater cannot
   *     plan); never throws for a vendor's failure
   * @throws SyncClosedException this sync is closed
   */
  public SyncOutcome plan(Customer customer, Collection<CustomerLink> links) {
    return planAsync(customer, links).join();
  }

  /**
   * A dry run of {@link #sync(SyncItem)}.
   *
   * @param item the customer, its links and its per-vendor overrides
   * @return one outcome per link, as {@link #plan(Customer, Collection)} returns them
   * @throws SyncClosedException this sync is closed
   */
  public SyncOutcome plan(SyncItem item) {
    return fanOutAll(item, true).join();
  }

  /**
   * Same as {@link #plan(Customer, Collection)}.
   *
   * @param links the vendors and ids to plan the update at
   * @param customer the neutral customer; only the fields it sets are compared
   * @return one outcome per link
   * @deprecated use {@link #plan(Customer, Collection)}: customer first, as everywhere else
   */
  @Deprecated
  public SyncOutcome plan(Collection<CustomerLink> links, Customer customer) {
    return plan(customer, links);
  }

  /**
   * {@link #plan(Customer, Collection)} without blocking, on the same executor as {@link
   * #syncAsync(Customer, Collection)}.
   *
   * @param customer the neutral customer; only the fields it sets are compared
   * @param links the vendors and ids to plan the update at
   * @return a future of one outcome per link, as {@link #plan(Customer, Collection)} returns them
   * @throws SyncClosedException this sync is closed
   */
  public CompletableFuture<SyncOutcome> planAsync(Customer customer, Collection<CustomerLink> links) {
    return fanOutAll(new SyncItem("", customer, List.copyOf(links)), true);
  }

  /**
   * Same as {@link #planAsync(Customer, Collection)}.
   *
   * @param links the vendors and ids to plan the update at
   * @param customer the neutral customer; only the fields it sets are compared
   * @return a future of one outcome per link
   * @deprecated use {@link #planAsync(Customer, Collection)}: customer first, as everywhere else
   */
  @Deprecated
  public CompletableFuture<SyncOutcome> planAsync(Collection<CustomerLink> links, Customer customer) {
    return planAsync(customer, links);
  }

  /**
   * A link to {@code vendor} by id, with the vendor's name checked against this sync's: matched
   * case-insensitively and returned in the registered spelling.
   *
   * @param vendor the vendor's name, in any case
   * @param customerId the customer's id at that vendor
   * @return the link
   * @throws IllegalArgumentException no updater of that name is registered; the message lists those
   *     that are
   */
  public CustomerLink link(String vendor, String customerId) {
    return CustomerLink.of(vendorName(vendor), customerId);
  }

  /**
   * A link to {@code vendor} by e-mail, with the vendor's name checked as {@link #link} does.
   *
   * @param vendor the vendor's name, in any case
   * @return the link
   * @throws IllegalArgumentException no updater of that name is registered
   */
  public CustomerLink linkByEmail(String vendor) {
    return CustomerLink.byEmail(vendorName(vendor));
  }

  /**
   * A link to {@code vendor} by external code, with the vendor's name checked as {@link #link} does.
   *
   * @param vendor the vendor's name, in any case
   * @return the link
   * @throws IllegalArgumentException no updater of that name is registered
   */
  public CustomerLink linkByExternalCode(String vendor) {
    return CustomerLink.byExternalCode(vendorName(vendor));
  }

  /**
   * {@return the registered spelling of {@code vendor}, matched case-insensitively}
   *
   * @param vendor a vendor's name in any case
   * @throws IllegalArgumentException no updater of that name is registered; the message lists those
   *     that are
   */
  public String vendorName(String vendor) {
    String found = canonical(vendor);
    if (found == null) {
      throw new IllegalArgumentException(unknownVendor(vendor));
    }
    return found;
  }

  /**
   * Syncs every item of {@code items} with {@link SyncOptions#defaults()} and waits for the report.
   *
   * @param items the customers to sync, read lazily as the run goes
   * @return the run's report
   * @throws SyncAbortedException when the source throws; it carries the report of what was done
   */
  public SyncReport syncAll(Stream<SyncItem> items) {
    return syncAll(items.iterator(), SyncOptions.defaults());
  }

  /**
   * Syncs every item of {@code items} with {@code options} and waits for the report.
   *
   * @param items the customers to sync, read lazily as the run goes
   * @param options listener, failure sink, dry run and the other settings of the run
   * @return the run's report
   * @throws SyncAbortedException when the source throws or the failure sink cannot be written; it
   *     carries the report of what was done
   * @throws java.io.UncheckedIOException the failure sink file cannot be created; nothing was sent
   */
  public SyncReport syncAll(Stream<SyncItem> items, SyncOptions options) {
    return syncAll(items.iterator(), options);
  }

  /**
   * Syncs every item and waits for the report.
   *
   * @param items the customers to sync, read as the run goes
   * @param options listener, failure sink, dry run and the other settings of the run
   * @return the run's report
   * @throws SyncAbortedException when the source throws or the failure sink cannot be written; it
   *     carries the report of what was done
   * @throws java.io.UncheckedIOException the failure sink file cannot be created; nothing was sent
   */
  public SyncReport syncAll(Iterator<SyncItem> items, SyncOptions options) {
    try {
      return start(items, options).join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof SyncAbortedException aborted) {
        throw aborted;
      }
      throw e;
    }
  }

  /**
   * Starts a bulk sync in the background; the returned job can be cancelled. Its report completes
   * exceptionally with a {@link SyncAbortedException} when the source throws or the failure sink
   * cannot be written.
   *
   * @param items the customers to sync, read as the run goes
   * @param options listener, failure sink, dry run and the other settings of the run
   * @return the running job, to cancel it, watch its progress or wait for its report
   * @throws java.io.UncheckedIOException the failure sink file cannot be created; nothing was started
   * @throws SyncStateException the options' state store cannot be read or written; nothing was started
   * @throws SyncClosedException this sync is closed
   */
  public SyncJob start(Iterator<SyncItem> items, SyncOptions options) {
    checkOpen();
    // Before any vendor call: a run must not go on without the state it was told to keep.
    options.stateStore().ifPresent(SyncStateStore::check);
    BulkSync job = new BulkSync(this, updaters, concurrency, Objects.requireNonNull(items), Objects.requireNonNull(options));
    job.start();
    return job;
  }

  /**
   * Stops the fan-out threads this sync created; a caller's executor stays untouched. Afterwards
   * {@link #sync}, {@link #plan} and {@link #start} throw {@link SyncClosedException}.
   */
  @Override
  public void close() {
    closed = true;
    if (ownedFanOut != null) {
      ownedFanOut.shutdown();
    }
  }

  private CompletableFuture<SyncOutcome> fanOutAll(SyncItem item, boolean dryRun) {
    checkOpen();
    List<CompletableFuture<VendorOutcome>> futures = new ArrayList<>();
    // The last call started for each (vendor, id): a second link to the same customer waits for it,
    // so two calls for one customer never overlap and apply in the links' order.
    Map<CustomerLink, CompletableFuture<VendorOutcome>> lastFor = new HashMap<>();
    for (CustomerLink given : item.links()) {
      String vendor = canonical(given.vendor());
      CompletableFuture<VendorOutcome> future;
      if (vendor == null) {
        future = CompletableFuture.completedFuture(VendorOutcome.failed(given,
            new CustomerSyncException(unknownVendor(given.vendor())), Duration.ZERO));
      } else {
        CustomerLink link = new CustomerLink(vendor, given.customerId(), given.matchKey());
        VendorTarget target = (dryRun ? planTargets : updateTargets).get(vendor);
        Customer customer = item.customerFor(vendor);
        CompletableFuture<VendorOutcome> before = lastFor.get(link);
        future = before == null ? fanOut(target, link, customer)
            // handle(): the next call runs whatever became of the one before it.
            : before.handle((o, e) -> link).thenCompose(l -> fanOut(target, l, customer));
        lastFor.put(link, future);
      }
      futures.add(future);
    }
    return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
        .thenApply(v -> new SyncOutcome(item.customer(), futures.stream().map(CompletableFuture::join).toList()));
  }

  /** The registered spelling of {@code vendor} (case-insensitive), or null. */
  @Nullable String canonical(String vendor) {
    return vendorsByLowerCase.get(vendor.toLowerCase(Locale.ROOT));
  }

  String unknownVendor(String vendor) {
    return "no updater is registered for vendor \"" + vendor + "\"; this sync has " + updaters.keySet();
  }

  private void checkOpen() {
    if (closed) {
      throw new SyncClosedException("the CustomerSync for " + updaters.keySet() + " is closed; build a new one");
    }
  }

  private CompletableFuture<VendorOutcome> fanOut(VendorTarget target, CustomerLink link, Customer customer) {
    try {
      return CompletableFuture.supplyAsync(() -> target.run(link, customer), fanOut);
    } catch (RejectedExecutionException e) {
      return CompletableFuture.completedFuture(VendorOutcome.failed(link, new CustomerSyncException(
          "the " + link.vendor() + " update was refused by the sync's executor (is the CustomerSync closed?): "
              + e.getMessage(), e), Duration.ZERO));
    }
  }

  /** Builds {@link CustomerSync}s. */
  public static final class Builder {
    private final Map<String, CustomerUpdater> updaters = new LinkedHashMap<>();
    private final Map<String, Integer> concurrency = new LinkedHashMap<>();
    private int defaultConcurrency = 4;
    private Clock clock = Clock.systemUTC();
    private Executor executor;

    private Builder() {}

    /**
     * Adds a vendor's updater; one per vendor name.
     *
     * @param updater the updater of the vendor named by its {@code vendor()}
     * @return this builder
     * @throws IllegalArgumentException an updater for that vendor (in any case) is already registered
     */
    public Builder updater(CustomerUpdater updater) {
      String vendor = updater.vendor();
      for (String registered : updaters.keySet()) {
        if (registered.equalsIgnoreCase(vendor)) {
          // Links match vendor names case-insensitively, so two names differing in case would be one.
          throw new IllegalArgumentException("an updater for \"" + registered + "\" is already registered");
        }
      }
      updaters.put(vendor, updater);
      return this;
    }

    /**
     * Sets the concurrent updates per vendor in bulk runs unless set per vendor; default 4.
     *
     * @param n how many updates may run at once at each vendor, at least 1
     * @return this builder
     */
    public Builder defaultConcurrency(int n) {
      this.defaultConcurrency = positive(n);
      return this;
    }

    /**
     * Sets the concurrent updates at {@code vendor} in bulk runs.
     *
     * @param vendor the vendor's name
     * @param n how many updates may run at once at that vendor, at least 1
     * @return this builder
     */
    public Builder concurrency(String vendor, int n) {
      concurrency.put(vendor, positive(n));
      return this;
    }

    /**
     * Sets the clock for outcome durations; default the system clock.
     *
     * @param clock the clock to measure durations with
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    /**
     * Where {@link #sync} and {@link #syncAsync} run each vendor's update; the sync never shuts it
     * down. Default: a pool the sync owns and {@link #close() closes}, of at most {@link
     * BlockingCalls#MAX_THREADS} daemon threads and {@link BlockingCalls#QUEUE_CAPACITY} queued
     * updates, past which the calling thread runs an update itself — that slows a caller who
     * outpaces the vendors instead of piling up threads or failing updates, and unlike blocking
     * the caller it cannot deadlock. Bulk runs ({@link #syncAll}, {@link #start}) do not use it:
     * they have their own threads, one per unit of concurrency.
     *
     * @param executor where single-customer updates run
     * @return this builder
     */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * Builds the sync as configured.
     *
     * @return a new sync; close it when done
     * @throws IllegalStateException no updater was added
     * @throws IllegalArgumentException {@link #concurrency} named a vendor no updater has
     */
    public CustomerSync build() {
      if (updaters.isEmpty()) {
        throw new IllegalStateException("add at least one updater");
      }
      // concurrency("billbe", 8) must not pass silently: every name given must be a registered one.
      Map<String, Integer> matched = new LinkedHashMap<>();
      concurrency.forEach((vendor, n) -> {
        String found = updaters.keySet().stream().filter(vendor::equalsIgnoreCase).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("concurrency(\"" + vendor + "\", " + n
                + ") names no registered updater; this sync has " + updaters.keySet()));
        matched.put(found, n);
      });
      concurrency.clear();
      concurrency.putAll(matched);
      return new CustomerSync(this);
    }

    private static int positive(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("concurrency must be at least 1, was " + n);
      }
      return n;
    }
  }
}
