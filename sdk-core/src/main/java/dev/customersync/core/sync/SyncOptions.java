package dev.customersync.core.sync;

import dev.customersync.core.PageReads;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How a bulk sync runs and reports: whether it only plans (a dry run), the progress listener and
 * how often it is called, who sees each outcome, (for an ETA) how many customers the source holds,
 * where failures are written as they happen, and how many the {@link SyncReport} keeps in memory.
 *
 * <p>A run that may fail a lot (a vendor down for the whole run) should set a {@linkplain
 * Builder#failureSink(Path) failure sink}: the report keeps only the first {@link
 * #maxFailuresKept()} failures, so memory stays flat, and the sink holds every one of them in the
 * format {@link SyncReport#readRetryItems} reads back.
 *
 * <p>A {@linkplain Builder#dryRun dry run} plans every update instead of sending it; an {@linkplain
 * Builder#outcomeListener outcome listener} sees each outcome, successes and plans included.
 */
public final class SyncOptions {

  private static final SyncOptions DEFAULTS = builder().build();

  private final SyncListener listener;
  private final Duration progressInterval;
  private final Long expectedItems;
  private final Clock clock;
  private final Writer failureSinkWriter;
  private final Path failureSinkPath;
  private final int maxFailuresKept;
  private final boolean dryRun;
  private final OutcomeListener outcomeListener;
  private final boolean createMissing;
  private final SyncStateStore stateStore;
  private final boolean fullResync;
  private final PageReads pageReads;

  private SyncOptions(Builder b) {
    this.createMissing = b.createMissing;
    this.stateStore = b.stateStore;
    this.fullResync = b.fullResync;
    this.pageReads = b.pageReads;
    this.listener = b.listener;
    this.progressInterval = b.progressInterval;
    this.expectedItems = b.expectedItems;
    this.clock = b.clock;
    this.failureSinkWriter = b.failureSinkWriter;
    this.failureSinkPath = b.failureSinkPath;
    this.maxFailuresKept = b.maxFailuresKept;
    this.dryRun = b.dryRun;
    this.outcomeListener = b.outcomeListener;
  }

  /**
   * {@return the default options: no listener, no failure sink, the first {@value
   * Builder#DEFAULT_MAX_FAILURES_KEPT} failures kept}
   */
  public static SyncOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Starts options from the defaults.
   *
   * @return a new builder with the defaults
   */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return who receives progress; default none} */
  public SyncListener listener() {
    return listener;
  }

  /** {@return the minimum time between two progress calls; default 500 ms} */
  public Duration progressInterval() {
    return progressInterval;
  }

  /** {@return how many customers the source will yield, when the caller said} */
  public OptionalLong expectedItems() {
    return expectedItems == null ? OptionalLong.empty() : OptionalLong.of(expectedItems);
  }

  /** {@return the clock for durations, rates and the ETA} */
  public Clock clock() {
    return clock;
  }

  /** {@return the caller's writer that receives each failure as a JSON line, if one was set} */
  public Optional<Writer> failureSinkWriter() {
    return Optional.ofNullable(failureSinkWriter);
  }

  /** {@return the file that receives each failure as a JSON line, if one was set} */
  public Optional<Path> failureSinkPath() {
    return Optional.ofNullable(failureSinkPath);
  }

  /**
   * {@return how many failures the report keeps in memory; default {@value
   * Builder#DEFAULT_MAX_FAILURES_KEPT}}
   */
  public int maxFailuresKept() {
    return maxFailuresKept;
  }

  /**
   * {@return whether the run only plans ({@link dev.customersync.core.CustomerUpdater#plan}) and never
   * writes; default false}
   */
  public boolean dryRun() {
    return dryRun;
  }

  /** {@return who receives every outcome as it ends; default none} */
  public OutcomeListener outcomeListener() {
    return outcomeListener;
  }

  /**
   * {@return whether a customer linked by match key that the vendor does not have is created;
   * default false (update only: such a customer fails as not found)}
   */
  public boolean createMissing() {
    return createMissing;
  }

  /** {@return where the run remembers what it synced, or empty for a run without state (the default)} */
  public Optional<SyncStateStore> stateStore() {
    return Optional.ofNullable(stateStore);
  }

  /**
   * {@return whether the run ignores the remembered fingerprints and reads (and, where needed,
   * writes) every customer, to repair changes made at the vendor; default false}
   */
  public boolean fullResync() {
    return fullResync;
  }

  /** {@return whether the run may read customers a page at a time; default {@link PageReads#AUTO}} */
  public PageReads pageReads() {
    return pageReads;
  }

  /** Builds {@link SyncOptions}. */
  public static final class Builder {
    /** How many failures a report keeps unless told otherwise. */
    public static final int DEFAULT_MAX_FAILURES_KEPT = 1_000;

    private SyncListener listener = SyncListener.none();
    private Duration progressInterval = Duration.ofMillis(500);
    private Long expectedItems;
    private boolean dryRun;
    private OutcomeListener outcomeListener = OutcomeListener.none();
    private Clock clock = Clock.systemUTC();
    private Writer failureSinkWriter;
    private Path failureSinkPath;
    private int maxFailuresKept = DEFAULT_MAX_FAILURES_KEPT;
    private boolean createMissing;
    private SyncStateStore stateStore;
    private boolean fullResync;
    private PageReads pageReads = PageReads.AUTO;

    private Builder() {}

    /**
     * Sets who receives progress while the sync runs and once at the end; see {@link SyncListener}.
     *
     * @param listener the progress listener
     * @return this builder
     */
    public Builder listener(SyncListener listener) {
      this.listener = Objects.requireNonNull(listener);
      return this;
    }

    /**
     * Sets the minimum time between two progress calls; default 500 ms.
     *
     * @param interval the least time between two calls of the listener
     * @return this builder
     */
    public Builder progressInterval(Duration interval) {
      this.progressInterval = Objects.requireNonNull(interval);
      return this;
    }

    /**
     * Says how many customers the source will yield, so progress can carry an ETA.
     *
     * @param expectedItems the number of items the source will yield
     * @return this builder
     */
    public Builder expectedItems(long expectedItems) {
      this.expectedItems = expectedItems;
      return this;
    }

    /**
     * Sets the clock for durations, rates and the ETA; default the system clock.
     *
     * @param clock the clock to measure with
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    /**
     * Writes every failed or cancelled update to {@code sink} as soon as it ends, one JSON line
     * each in the format of {@link SyncReport#writeJsonLines}, flushed line by line; {@link
     * SyncReport#readRetryItems} reads it back. One line is written at a time. The caller owns the
     * writer: the run flushes it at the end but never closes it. Replaces a {@link
     * #failureSink(Path)}.
     *
     * <p>If the writer throws, the run stops (as if cancelled) and its report completes
     * exceptionally with a {@link SyncAbortedException}; the failures the sink did not take are
     * then all kept in {@link SyncAbortedException#partialReport()}, beyond {@link
     * #maxFailuresKept(int)}.
     *
     * @param sink the writer that receives one JSON line per failure; the caller closes it
     * @return this builder
     */
    public Builder failureSink(Writer sink) {
      this.failureSinkWriter = Objects.requireNonNull(sink, "sink");
      this.failureSinkPath = null;
      return this;
    }

    /**
     * {@link #failureSink(Writer)} into a UTF-8 file the run creates (or empties) when it starts and
     * closes when it ends; an empty file means nothing failed. Replaces a {@link
     * #failureSink(Writer)}. A file that cannot be created makes {@link CustomerSync#start} throw.
     *
     * @param file the file to write the failures to, replaced if it exists
     * @return this builder
     */
    public Builder failureSink(Path file) {
      this.failureSinkPath = Objects.requireNonNull(file, "file");
      this.failureSinkWriter = null;
      return this;
    }

    /**
     * How many failures {@link SyncReport#failures()} keeps: the first {@code n} to end. The rest
     * are counted ({@link SyncReport#failuresDropped()}) and, with a failure sink, written there.
     * Default {@value #DEFAULT_MAX_FAILURES_KEPT}; 0 keeps none.
     *
     * @param n how many failures to keep in the report, 0 or more
     * @return this builder
     */
    public Builder maxFailuresKept(int n) {
      if (n < 0) {
        throw new IllegalArgumentException("maxFailuresKept must not be negative, was " + n);
      }
      this.maxFailuresKept = n;
      return this;
    }

    /**
     * A dry run: every update becomes {@link dev.customersync.core.CustomerUpdater#plan}, which
     * reads, merges and compares but never writes. An update that would change something ends
     * {@link VendorOutcome.Status#WOULD_CHANGE}, one that would write nothing {@link
     * VendorOutcome.Status#UNCHANGED}, each with its {@link VendorOutcome#planIfDryRun() plan}; see
     * them with an {@link #outcomeListener}. An updater that cannot plan fails each of its updates
     * with a message that says so, and writes nothing either. Failures still go to the failure
     * sink, so a dry run with the same sink file as a real run overwrites that run's failures.
     *
     * @param dryRun true to plan only and write nothing
     * @return this builder
     */
    public Builder dryRun(boolean dryRun) {
      this.dryRun = dryRun;
      return this;
    }

    /**
     * Sets who receives every outcome as it ends, successes included; see {@link OutcomeListener}.
     *
     * @param listener the outcome listener
     * @return this builder
     */
    public Builder outcomeListener(OutcomeListener listener) {
      this.outcomeListener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Creates the customers that a link by match key ({@link CustomerLink#byEmail}, {@link
     * CustomerLink#byExternalCode}) does not find at the vendor; default false. A create is sent at
     * most once: when its answer is lost, the run looks the key up again rather than create again,
     * so a lost answer never makes a duplicate. A dry run reports {@link
     * VendorOutcome.Status#WOULD_CREATE} and creates nothing.
     *
     * @param createMissing true to create missing customers
     * @return this builder
     */
    public Builder createMissing(boolean createMissing) {
      this.createMissing = createMissing;
      return this;
    }

    /**
     * Remembers what the run synced in {@code store}: a customer whose neutral data has not changed
     * since the vendor last confirmed it is {@link VendorOutcome.Status#SKIPPED} with no vendor call,
     * and a customer linked by match key is found without a lookup. The store is checked before
     * the first vendor call; a store that cannot be read or written stops the run ({@link
     * SyncAbortedException}). Not set by default.
     *
     * @param store where to remember synced customers
     * @return this builder
     */
    public Builder stateStore(SyncStateStore store) {
      this.stateStore = Objects.requireNonNull(store, "store");
      return this;
    }

    /**
     * Ignores the remembered fingerprints: every customer goes through read-merge-write, which
     * writes only where the vendor's copy differs, to repair changes made at the vendor. The
     * remembered ids are still used. Default false.
     *
     * @param fullResync true to sync every customer whatever the state says
     * @return this builder
     */
    public Builder fullResync(boolean fullResync) {
      this.fullResync = fullResync;
      return this;
    }

    /**
     * Sets whether the run may read customers a page at a time instead of one read per customer,
     * where a vendor's pages carry whole customers (Billbee); default {@link PageReads#AUTO}.
     *
     * @param pageReads when to read pages
     * @return this builder
     */
    public Builder pageReads(PageReads pageReads) {
      this.pageReads = Objects.requireNonNull(pageReads, "pageReads");
      return this;
    }

    /**
     * Builds the options as set.
     *
     * @return the options
     */
    public SyncOptions build() {
      return new SyncOptions(this);
    }
  }
}
