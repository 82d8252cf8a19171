package dev.customersync.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The options {@code sync}, {@code plan} and {@code retry} share. */
final class RunOptions {

  @Option(names = "--vendors", split = ",", paramLabel = "VENDOR",
      description = "Vendors to sync to, comma-separated: bokamera, billbee, storm. "
          + "Default: every vendor whose credentials are set (BOKAMERA_API_KEY, BILLBEE_API_KEY, STORM_BASE_URL).")
  @Nullable List<String> vendors;

  @Option(names = "--create-missing",
      description = "Create a customer the vendor does not have (rows linked by e-mail). Default: such a row fails as not found.")
  boolean createMissing;

  @Option(names = "--state", paramLabel = "PATH",
      description = "Remember what was synced in this H2 database file; the next run skips unchanged customers "
          + "without a vendor call and finds known ones without a lookup.")
  @Nullable Path state;

  @Option(names = "--full",
      description = "With --state: read every customer anyway and write where the vendor's copy differs, "
          + "to repair changes made at the vendor.")
  boolean full;

  @Option(names = "--concurrency", paramLabel = "VENDOR=N",
      description = "Updates in flight at once at a vendor, e.g. --concurrency billbee=2; repeatable.")
  Map<String, Integer> concurrency = new LinkedHashMap<>();

  @Option(names = "--report", paramLabel = "PATH",
      description = "JSON-lines report of every bad row and failed update. Default: sync writes "
          + "customer-sync-report.jsonl, retry rewrites the file it retries, plan writes none. Deleted when nothing failed.")
  @Nullable Path report;

  @Option(names = "--strict",
      description = "Stop at the first bad row (rows before it are synced; exit 1). Default: report it and go on.")
  boolean strict;

  @Option(names = "--config", paramLabel = "FILE",
      description = "Properties file with the credentials, by the environment variables' names "
          + "(BILLBEE_API_KEY=…); its values win over the environment. Credentials are never options.")
  @Nullable Path config;
}
