package dev.customersync.benchmarks;

import dev.customersync.core.Customer;
import dev.customersync.core.CustomerUpdater;
import dev.customersync.core.UpdateResult;
import dev.customersync.core.VendorApiException;
import dev.customersync.core.sync.CustomerSync;
import dev.customersync.core.sync.SyncItem;
import dev.customersync.core.sync.SyncOptions;
import dev.customersync.core.sync.SyncReport;
import dev.customersync.core.sync.VendorOutcome;
import dev.customersync.examples.CustomerFile;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * B4: a million customers streamed from a generated CSV file through {@code syncAll} must complete
 * in a small heap (run it with {@code -Xmx128m}); reports the peak heap. The vendor is a
 * zero-latency in-memory updater, so the run measures the file reader and the sync engine
 * (queues, per-item state, report), which is what must stay flat — not a server.
 *
 * <p>With {@code --all-fail} every update fails with the {@code VendorServerException} a vendor's
 * HTTP 500 becomes, a new one (with its stack trace) per update as a real client throws it. The
 * failures stream to a JSON-lines file through the failure sink, and the report keeps its default
 * first 1,000: memory must stay as flat as when everything succeeds.
 *
 * <p>Writes a Markdown fragment to the path given as the first argument.
 */
public final class FlatMemoryRun {

  private FlatMemoryRun() {}

  /** Arguments: the Markdown fragment to write, then {@code --all-fail} for the run where every update fails. */
  public static void main(String[] args) throws Exception {
    boolean allFail = args.length > 1 && args[1].equals("--all-fail");
    int customers = Integer.parseInt(System.getProperty("b4.customers", "1000000"));
    Path file = Files.createTempFile("customers", ".csv");
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("key,firstName,lastName,email,phone,invoiceLine1,invoicePostalCode,invoiceCity,invoiceCountryCode,storm\n");
      for (int i = 0; i < customers; i++) {
        w.write("k" + i + ",First" + i + ",Last" + i + ",c" + i + "@example.com,+46 70 " + i
            + ",Storgatan " + (i % 100) + ",111 22,Stockholm,SE," + (1000 + i) + "\n");
      }
    }
    long fileBytes = Files.size(file);
    CustomerUpdater zeroLatency = new CustomerUpdater() {
      @Override
      public String vendor() {
        return "storm";
      }

      @Override
      public UpdateResult update(String customerId, Customer customer) {
        customer.validate();
        if (allFail) {
          throw VendorApiException.builder().vendor("storm").statusCode(500).errorCode("InternalServerError")
              .message("An unexpected error occurred").rawBody("{\"Message\":\"An unexpected error occurred\"}")
              .attempts(1).build();
        }
        return UpdateResult.builder().vendor("storm").customerId(customerId).customer(customer).attempts(1)
            .vendorResponse(customerId).build();
      }
    };
    Path failures = Files.createTempFile("b4-failures", ".jsonl");
    SyncOptions options = SyncOptions.builder().failureSink(failures).build();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
    SyncReport report;
    long peak;
    long failureLines;
    long failureBytes;
    try {
      try (CustomerSync sync = CustomerSync.builder().updater(zeroLatency).concurrency("storm", 4).build();
          Stream<SyncItem> items = CustomerFile.read(file)) {
        report = sync.syncAll(items, options);
      }
      peak = peakHeap();
      // Counted after the peak was taken, so reading the file back does not show in it.
      failureBytes = Files.size(failures);
      try (BufferedReader r = Files.newBufferedReader(failures, StandardCharsets.UTF_8)) {
        failureLines = r.lines().count();
      }
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(failures);
    }
    long max = Runtime.getRuntime().maxMemory();
    String outcome = allFail
        ? String.format(Locale.ROOT, "failed %,d (HTTP 500 each): %,d kept in the report, %,d dropped from it, "
            + "%,d lines (%.0f MB) in the failure sink file", report.total(VendorOutcome.Status.FAILED),
            report.failures().size(), report.failuresDropped(), failureLines, failureBytes / 1e6)
        : String.format(Locale.ROOT, "updated %,d, failed %d", report.total(VendorOutcome.Status.UPDATED),
            report.total(VendorOutcome.Status.FAILED));
    String md = String.format(Locale.ROOT,
        "| B4 %,d customers from a %.0f MB CSV through syncAll%s | max heap %d MiB | peak heap (sum of pool peaks) **%.1f MiB** | %s | %.1f s, %.0f customers/s |%n",
        customers, fileBytes / 1e6, allFail ? ", every update failing" : "", max >> 20, peak / 1048576.0, outcome,
        report.duration().toMillis() / 1000.0, customers / (report.duration().toMillis() / 1000.0));
    Files.writeString(Path.of(args[0]), md);
    System.out.print(md);
    boolean complete = allFail
        ? report.total(VendorOutcome.Status.FAILED) == customers && failureLines == customers
        // An update that found nothing to write (UNCHANGED) succeeded too.
        : report.total(VendorOutcome.Status.UPDATED) + report.total(VendorOutcome.Status.UNCHANGED) == customers;
    if (!complete) {
      System.exit(1);
    }
  }

  private static long peakHeap() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }
}
