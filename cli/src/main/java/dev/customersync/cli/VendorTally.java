package dev.customersync.cli;

import dev.customersync.core.sync.OutcomeListener;
import dev.customersync.core.sync.SyncItem;
import dev.customersync.core.sync.VendorOutcome;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Per vendor, how many updates ended and how many of them failed, for the progress line. */
final class VendorTally implements OutcomeListener {

  private final Map<String, LongAdder> done = new LinkedHashMap<>();
  private final Map<String, LongAdder> failed = new LinkedHashMap<>();

  VendorTally(List<String> vendors) {
    for (String v : vendors) {
      done.put(v, new LongAdder());
      failed.put(v, new LongAdder());
    }
  }

  @Override
  public void onOutcome(SyncItem item, VendorOutcome outcome) {
    LongAdder d = done.get(outcome.vendor());
    if (d == null) {
      return;
    }
    d.increment();
    if (outcome.status() == VendorOutcome.Status.FAILED) {
      failed.get(outcome.vendor()).increment();
    }
  }

  /** E.g. {@code billbee 1190 done, 2 failed | storm 1188 done, 0 failed}. */
  String line() {
    StringBuilder s = new StringBuilder();
    done.forEach((v, d) -> {
      if (s.length() > 0) {
        s.append(" | ");
      }
      s.append(v).append(' ').append(d.sum()).append(" done, ").append(failed.get(v).sum()).append(" failed");
    });
    return s.toString();
  }
}
