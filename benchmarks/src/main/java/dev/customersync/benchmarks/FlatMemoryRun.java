package dev.customersync.benchmarks;

import dev.customersync.core.Customer;
import dev.customersync.core.CustomerUpdater;
import dev.customersync.core.UpdateResult;
import dev.customersync.core.sync.CustomerSync;
import dev.customersync.core.sync.SyncItem;
import dev.customersync.core.sync.SyncReport;
import dev.customersync.core.sync.VendorOutcome;
import dev.customersync.examples.CustomerFile;
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
 * <p>Writes a Markdown fragment to the path given as the first argument.
 */
public final class FlatMemoryRun {

  private FlatMemoryRun() {}

  public static void main(String[] args) throws Exception {
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
        return UpdateResult.builder().vendor("storm").customerId(customerId).customer(customer).attempts(1)
            .vendorResponse(customerId).build();
      }
    };
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
    SyncReport report;
    try (CustomerSync sync = CustomerSync.builder().updater(zeroLatency).concurrency("storm", 4).build();
        Stream<SyncItem> items = CustomerFile.read(file)) {
      report = sync.syncAll(items);
    } finally {
      Files.deleteIfExists(file);
    }
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    long max = Runtime.getRuntime().maxMemory();
    String md = String.format(Locale.ROOT,
        "| B4 %,d customers from a %.0f MB CSV through syncAll | max heap %d MiB | peak heap (sum of pool peaks) **%.1f MiB** | updated %,d, failed %d | %.1f s, %.0f customers/s |%n",
        customers, fileBytes / 1e6, max >> 20, peak / 1048576.0, report.total(VendorOutcome.Status.UPDATED),
        report.total(VendorOutcome.Status.FAILED), report.duration().toMillis() / 1000.0,
        customers / (report.duration().toMillis() / 1000.0));
    Files.writeString(Path.of(args[0]), md);
    System.out.print(md);
    if (report.total(VendorOutcome.Status.UPDATED) != customers) {
      System.exit(1);
    }
  }
}
