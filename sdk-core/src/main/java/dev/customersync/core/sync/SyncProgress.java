package dev.customersync.core.sync;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A snapshot of a running bulk sync, handed to a {@link SyncListener}.
 *
 * @param itemsRead customers taken from the source so far
 * @param itemsCompleted customers whose every vendor update has ended
 * @param updated vendor updates confirmed
 * @param failed vendor updates that failed
 * @param cancelled vendor updates skipped because the sync was cancelled
 * @param elapsed time since the sync started
 * @param ratePerVendor finished updates per second at each vendor, over the whole run
 * @param eta remaining time, when the caller told {@link SyncOptions} how many customers to expect
 */
public record SyncProgress(
    long itemsRead,
    long itemsCompleted,
    long updated,
    long failed,
    long cancelled,
    Duration elapsed,
    Map<String, Double> ratePerVendor,
    Optional<Duration> eta) {

  public SyncProgress {
    ratePerVendor = Map.copyOf(ratePerVendor);
  }

  /** One line for a terminal, e.g. {@code 1200 done, 3 failed | billbee 1.9/s storm 40.2/s | ETA 2m10s}. */
  public String toLine() {
    StringBuilder s = new StringBuilder();
    s.append(itemsCompleted).append(" customers done, ").append(updated).append(" updates, ").append(failed).append(" failed");
    if (cancelled > 0) {
      s.append(", ").append(cancelled).append(" cancelled");
    }
    s.append(" |");
    new java.util.TreeMap<>(ratePerVendor).forEach((v, r) -> s.append(' ').append(v).append(' ')
        .append(String.format(java.util.Locale.ROOT, "%.1f/s", r)));
    eta.ifPresent(d -> s.append(" | ETA ").append(d.toMinutes()).append('m').append(d.toSecondsPart()).append('s'));
    return s.toString();
  }
}
