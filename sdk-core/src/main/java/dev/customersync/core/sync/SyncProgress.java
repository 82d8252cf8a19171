package dev.customersync.core.sync;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A snapshot of a running bulk sync, handed to a {@link SyncListener}.
 *
 * @param itemsRead customers taken from the source so far
 * @param itemsCompleted customers whose every vendor update has ended
 * @param updated vendor updates that wrote and were confirmed ({@link VendorOutcome.Status#UPDATED})
 * @param unchanged vendor updates that sent no write because nothing would change ({@link
 *     VendorOutcome.Status#UNCHANGED})
 * @param wouldChange dry-run updates that would write ({@link VendorOutcome.Status#WOULD_CHANGE})
 * @param failed vendor updates that failed
 * @param cancelled vendor updates skipped because the sync was cancelled
 * @param elapsed time since the sync started
 * @param ratePerVendor finished updates (all but cancelled) per second at each vendor, over the whole run
 * @param eta remaining time, when the caller told {@link SyncOptions} how many customers to expect
 * @param created customers created because their match key found none ({@link VendorOutcome.Status#CREATED})
 * @param skipped vendor updates the state store showed unneeded, with no call ({@link VendorOutcome.Status#SKIPPED})
 * @param wouldCreate dry-run creates ({@link VendorOutcome.Status#WOULD_CREATE})
 */
public record SyncProgress(
    long itemsRead,
    long itemsCompleted,
    long updated,
    long unchanged,
    long wouldChange,
    long failed,
    long cancelled,
    Duration elapsed,
    Map<String, Double> ratePerVendor,
    Optional<Duration> eta,
    long created,
    long skipped,
    long wouldCreate) {

  /**
   * Makes a snapshot; the rates are copied.
   *
   * @param itemsRead customers taken from the source so far
   * @param itemsCompleted customers whose every vendor update has ended
   * @param updated vendor updates that wrote and were confirmed ({@link VendorOutcome.Status#UPDATED})
   * @param unchanged vendor updates that sent no write because nothing would change
   * @param wouldChange dry-run updates that would write ({@link VendorOutcome.Status#WOULD_CHANGE})
   * @param failed vendor updates that failed
   * @param cancelled vendor updates skipped because the sync was cancelled
   * @param elapsed time since the sync started
   * @param ratePerVendor finished updates (all but cancelled) per second at each vendor, over the whole run
   * @param eta remaining time, when the caller told {@link SyncOptions} how many customers to expect
   * @param created customers created because their match key found none
   * @param skipped vendor updates the state store showed unneeded, with no call
   * @param wouldCreate dry-run creates
   */
  public SyncProgress {
    ratePerVendor = Map.copyOf(ratePerVendor);
  }

  /**
   * A snapshot without created, skipped and would-create counts: the shape before sync by match key.
   *
   * @param itemsRead customers taken from the source so far
   * @param itemsCompleted customers whose every vendor update has ended
   * @param updated vendor updates that wrote and were confirmed
   * @param unchanged vendor updates that sent no write because nothing would change
   * @param wouldChange dry-run updates that would write
   * @param failed vendor updates that failed
   * @param cancelled vendor updates skipped because the sync was cancelled
   * @param elapsed time since the sync started
   * @param ratePerVendor finished updates (all but cancelled) per second at each vendor, over the whole run
   * @param eta remaining time, when the caller told {@link SyncOptions} how many customers to expect
   */
  public SyncProgress(long itemsRead, long itemsCompleted, long updated, long unchanged, long wouldChange, long failed,
      long cancelled, Duration elapsed, Map<String, Double> ratePerVendor, Optional<Duration> eta) {
    this(itemsRead, itemsCompleted, updated, unchanged, wouldChange, failed, cancelled, elapsed, ratePerVendor, eta, 0,
        0, 0);
  }

  /**
   * A snapshot without unchanged and would-change counts: the shape before dry runs existed.
   *
   * @param itemsRead customers taken from the source so far
   * @param itemsCompleted customers whose every vendor update has ended
   * @param updated vendor updates that wrote and were confirmed ({@link VendorOutcome.Status#UPDATED})
   * @param failed vendor updates that failed
   * @param cancelled vendor updates skipped because the sync was cancelled
   * @param elapsed time since the sync started
   * @param ratePerVendor finished updates (all but cancelled) per second at each vendor, over the whole run
   * @param eta remaining time, when the caller told {@link SyncOptions} how many customers to expect
   * @see #SyncProgress(long, long, long, long, long, long, long, Duration, Map, Optional, long, long, long)
   */
  public SyncProgress(long itemsRead, long itemsCompleted, long updated, long failed, long cancelled, Duration elapsed,
      Map<String, Double> ratePerVendor, Optional<Duration> eta) {
    this(itemsRead, itemsCompleted, updated, 0, 0, failed, cancelled, elapsed, ratePerVendor, eta);
  }

  /**
   * One line for a terminal, e.g. {@code 1200 customers done, 900 updated, 297 unchanged, 3 failed
   * | billbee 1.9/s storm 40.2/s | ETA 2m10s}; a dry run's line adds {@code would change}, a
   * cancelled run's {@code cancelled}.
   *
   * @return the snapshot as one line of text, without a line break
   */
  public String toLine() {
    StringBuilder s = new StringBuilder();
    s.append(itemsCompleted).append(" customers done, ").append(updated).append(" updated, ");
    if (created > 0) {
      s.append(created).append(" created, ");
    }
    if (wouldCreate > 0) {
      s.append(wouldCreate).append(" would create, ");
    }
    if (skipped > 0) {
      s.append(skipped).append(" skipped, ");
    }
    if (wouldChange > 0) {
      s.append(wouldChange).append(" would change, ");
    }
    s.append(unchanged).append(" unchanged, ").append(failed).append(" failed");
    if (cancelled > 0) {
      s.append(", ").append(cancelled).append(" cancelled");
    }
    s.append(" |");
    new TreeMap<>(ratePerVendor).forEach((v, r) -> s.append(' ').append(v).append(' ')
        .append(String.format(Locale.ROOT, "%.1f/s", r)));
    eta.ifPresent(d -> s.append(" | ETA ").append(d.toMinutes()).append('m').append(d.toSecondsPart()).append('s'));
    return s.toString();
  }
}
