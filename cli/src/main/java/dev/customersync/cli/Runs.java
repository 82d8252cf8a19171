package dev.customersync.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.customersync.core.json.Json;
import dev.customersync.core.sync.CustomerLink;
import dev.customersync.core.sync.SyncItem;
import dev.customersync.core.sync.SyncReport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/** What {@code sync}, {@code plan} and {@code retry} do once picocli has parsed their arguments. */
final class Runs {

  private static final ObjectMapper MAPPER = Json.newMapper();

  private Runs() {}

  /** {@code sync FILE} and {@code plan FILE}. */
  static int file(CliContext ctx, RunOptions options, Path file, boolean dryRun) {
    VendorSettings settings = VendorSettings.load(ctx.env(), options.config);
    List<String> vendors = vendors(options, settings, List.of());
    String title = (dryRun ? "plan " : "sync ") + file;
    // The file's header is checked before any client exists: a bad file sends nothing.
    try (CustomerFileReader reader = CustomerFileReader.open(file, vendors);
        VendorConnections connections = VendorConnections.open(vendors, settings)) {
      ReportFile report = reportFile(options, !dryRun);
      try {
        return new SyncRun(ctx, options, dryRun, title)
            .run(vendors, connections.updaters(), reader, countRows(file), report, 0);
      } finally {
        if (report != null) {
          report.close();
        }
      }
    }
  }

  /** {@code retry FAILURES.jsonl}: the failed updates again, the bad rows carried over. */
  static int retry(CliContext ctx, RunOptions options, Path failures) {
    VendorSettings settings = VendorSettings.load(ctx.env(), options.config);
    StringBuilder updates = new StringBuilder();
    List<String> badRows = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(failures, StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode json;
        try {
          json = MAPPER.readTree(line);
        } catch (IOException e) {
          throw new UsageException(failures + ": not a customer-sync report (a line is not JSON)");
        }
        if (ReportFile.INVALID_ROW.equals(json.path("status").asText())) {
          badRows.add(line);
        } else {
          updates.append(line).append('\n');
        }
      }
    } catch (NoSuchFileException e) {
      throw new UsageException(failures + ": no such file");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + failures, e);
    }
    // Every failure, permanent ones too: whoever runs retry has usually fixed the data, and the
    // rewritten report must not lose the rest. readRetryItems(reader) alone takes only retryable ones.
    List<SyncItem> items = SyncReport.readRetryItems(new StringReader(updates.toString()), true);
    Set<String> inFile = new LinkedHashSet<>();
    items.forEach(i -> i.links().forEach(l -> inFile.add(l.vendor())));
    List<String> vendors = vendors(options, settings, List.copyOf(inFile));
    List<CustomerRow> rows = new ArrayList<>();
    for (SyncItem item : items) {
      List<CustomerLink> links = new ArrayList<>();
      for (CustomerLink l : item.links()) {
        if (vendors.contains(l.vendor())) {
          // A failure before the customer was found by e-mail has no id: find it again.
          links.add(l.customerId() == null || l.customerId().isBlank() ? CustomerLink.byEmail(l.vendor()) : l);
        }
      }
      if (!links.isEmpty()) {
        rows.add(CustomerRow.good(rows.size() + 1, new SyncItem(item.key(), item.customer(), links)));
      }
    }
    try (VendorConnections connections = VendorConnections.open(vendors, settings)) {
      // By default the new report replaces the one just read (it was read whole above), so what is
      // left to retry is always in one place, and a retry that clears everything leaves no file.
      ReportFile report = ReportFile.create(options.report != null ? options.report : failures);
      try {
        badRows.forEach(report::writeLine);
        return new SyncRun(ctx, options, false, "retry " + failures)
            .run(vendors, connections.updaters(), rows.iterator(), OptionalLong.of(rows.size()), report, badRows.size());
      } finally {
        report.close();
      }
    }
  }

  /**
   * The run's vendors: {@code --vendors} when given, else {@code fallback} when not empty, else
   * every vendor whose credentials are set.
   */
  static List<String> vendors(RunOptions options, VendorSettings settings, List<String> fallback) {
    List<String> vendors;
    if (options.vendors != null && !options.vendors.isEmpty()) {
      Set<String> chosen = new LinkedHashSet<>();
      for (String v : options.vendors) {
        String vendor = v.trim().toLowerCase(java.util.Locale.ROOT);
        if (!CustomerColumns.VENDORS.contains(vendor)) {
          throw new UsageException("--vendors: unknown vendor \"" + v.trim() + "\"; choose from "
              + String.join(", ", CustomerColumns.VENDORS));
        }
        chosen.add(vendor);
      }
      vendors = List.copyOf(chosen);
    } else if (!fallback.isEmpty()) {
      vendors = fallback;
    } else {
      vendors = settings.configuredVendors();
    }
    if (vendors.isEmpty()) {
      throw new UsageException("no vendor is configured: set BOKAMERA_API_KEY, BILLBEE_API_KEY or STORM_BASE_URL "
          + "and the rest of that vendor's variables (see --help), in the environment or a --config file");
    }
    return vendors;
  }

  private static @org.jspecify.annotations.Nullable ReportFile reportFile(RunOptions options, boolean byDefault) {
    if (options.report != null) {
      return ReportFile.create(options.report);
    }
    return byDefault ? ReportFile.create(ReportFile.DEFAULT) : null;
  }

  /**
   * The file's line count less the header, for the ETA: one quick pass over the bytes. A quoted
   * cell spanning lines makes it a little high, which only makes the ETA cautious.
   */
  static OptionalLong countRows(Path file) {
    long lines = 0;
    boolean sawAny = false;
    byte[] buf = new byte[64 * 1024];
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      byte last = '\n';
      while ((n = in.read(buf)) > 0) {
        sawAny = true;
        for (int i = 0; i < n; i++) {
          if (buf[i] == '\n') {
            lines++;
          }
        }
        last = buf[n - 1];
      }
      if (sawAny && last != '\n') {
        lines++;
      }
    } catch (IOException e) {
      return OptionalLong.empty();
    }
    boolean csv = file.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv");
    return OptionalLong.of(Math.max(0, csv ? lines - 1 : lines));
  }
}
