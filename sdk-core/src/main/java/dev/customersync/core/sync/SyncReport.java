package dev.customersync.core.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.customersync.core.Customer;
import dev.customersync.core.json.CustomerJson;
import dev.customersync.core.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The final account of a bulk sync: counts per vendor and status, the failures kept in memory (the
 * first {@link SyncOptions#maxFailuresKept()}; the others are counted, and written to the run's
 * failure sink when it has one), whether it was cancelled, how many customers were read, and how
 * long it took.
 *
 * <p>{@link #writeJsonLines} writes one JSON object per kept failed or cancelled update, customer
 * data included, in the same format as the failure sink; {@link #readRetryItems} reads either back
 * into {@link SyncItem}s that retry exactly those updates and nothing else.
 */
public final class SyncReport {

  private static final ObjectMapper MAPPER = Json.newMapper();

  private final Map<String, Map<VendorOutcome.Status, Long>> counts;
  private final List<SyncFailure> failures;
  private final long failuresDropped;
  private final long failuresWritten;
  private final long itemsRead;
  private final boolean cancelled;
  private final Duration duration;

  SyncReport(Map<String, Map<VendorOutcome.Status, Long>> counts, List<SyncFailure> failures, long failuresDropped,
      long failuresWritten, long itemsRead, boolean cancelled, Duration duration) {
    Map<String, Map<VendorOutcome.Status, Long>> copy = new TreeMap<>();
    counts.forEach((v, m) -> copy.put(v, Collections.unmodifiableMap(new EnumMap<>(m))));
    this.counts = Collections.unmodifiableMap(copy);
    this.failures = List.copyOf(failures);
    this.failuresDropped = failuresDropped;
    this.failuresWritten = failuresWritten;
    this.itemsRead = itemsRead;
    this.cancelled = cancelled;
    this.duration = duration;
  }

  /** Vendor to status to count. */
  public Map<String, Map<VendorOutcome.Status, Long>> counts() {
    return counts;
  }

  /** How many updates at {@code vendor} ended with {@code status}. */
  public long count(String vendor, VendorOutcome.Status status) {
    return counts.getOrDefault(vendor, Map.of()).getOrDefault(status, 0L);
  }

  /** How many updates ended with {@code status}, at all vendors. */
  public long total(VendorOutcome.Status status) {
    return counts.values().stream().mapToLong(m -> m.getOrDefault(status, 0L)).sum();
  }

  /**
   * The updates that failed or were cancelled and that the report kept, in the order they ended:
   * the first {@link SyncOptions#maxFailuresKept()}, and after a failure sink broke, also every one
   * the sink did not take. {@link #failuresTruncated()} says whether some are missing here.
   */
  public List<SyncFailure> failures() {
    return failures;
  }

  /**
   * How many failed or cancelled updates are not in {@link #failures()} because the report keeps
   * only {@link SyncOptions#maxFailuresKept()}. With a failure sink, each of them is in the sink.
   */
  public long failuresDropped() {
    return failuresDropped;
  }

  /** True when {@link #failures()} is not every failed or cancelled update: see {@link #failuresDropped()}. */
  public boolean failuresTruncated() {
    return failuresDropped > 0;
  }

  /** How many JSON lines the run's failure sink took; 0 without a sink. */
  public long failuresWritten() {
    return failuresWritten;
  }

  /** Customers taken from the source; on a cancelled run, the rest of the source was not read. */
  public long itemsRead() {
    return itemsRead;
  }

  /** True when the run was cancelled, by the caller or because its failure sink broke. */
  public boolean cancelled() {
    return cancelled;
  }

  /** How long the run took, from start to the report. */
  public Duration duration() {
    return duration;
  }

  /** True when every update succeeded and the run was not cancelled. */
  public boolean allUpdated() {
    return total(VendorOutcome.Status.FAILED) == 0 && total(VendorOutcome.Status.CANCELLED) == 0 && !cancelled;
  }

  /**
   * Writes one JSON line per failure in {@link #failures()}: key, vendor, id, status, error
   * type, HTTP status (for a {@link dev.customersync.core.VendorApiException}), error code,
   * whether the update may have reached the vendor (for a {@link
   * dev.customersync.core.TransportException}), message, attempts, duration and the customer.
   */
  public void writeJsonLines(Writer out) {
    try {
      for (SyncFailure f : failures) {
        out.write(jsonLine(f));
        out.write('\n');
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the sync report", e);
    }
  }

  /** One failure as a JSON object on one line, without the line break; the format of {@link #writeJsonLines}. */
  static String jsonLine(SyncFailure f) {
    VendorOutcome o = f.outcome();
    ObjectNode line = MAPPER.createObjectNode();
    line.put("key", f.key());
    line.put("vendor", o.vendor());
    line.put("customerId", o.customerId());
    line.put("status", o.status().name());
    o.errorType().ifPresent(t -> line.put("errorType", t));
    o.statusCode().ifPresent(s -> line.put("httpStatus", s));
    o.errorCode().ifPresent(c -> line.put("errorCode", c));
    o.mayHaveReachedVendor().ifPresent(m -> line.put("mayHaveReachedVendor", m));
    o.errorIfFailed().ifPresent(e -> line.put("message", e.getMessage()));
    line.put("attempts", o.attempts());
    line.put("durationMs", o.duration().toMillis());
    line.set("customer", CustomerJson.write(f.customer()));
    try {
      return MAPPER.writeValueAsString(line);
    } catch (IOException e) {
      throw new UncheckedIOException("could not serialize the failure of " + o.vendor() + " " + o.customerId(), e);
    }
  }

  /**
   * Reads a file written by {@link #writeJsonLines} or a failure sink ({@link
   * SyncOptions.Builder#failureSink(Writer)}) into items that retry exactly its failed and
   * cancelled updates, one item per customer key with only the links that did not succeed.
   */
  public static List<SyncItem> readRetryItems(Reader in) {
    Map<String, Customer> customers = new LinkedHashMap<>();
    Map<String, List<CustomerLink>> links = new LinkedHashMap<>();
    BufferedReader reader = in instanceof BufferedReader b ? b : new BufferedReader(in);
    try {
      String line;
      int n = 0;
      while ((line = reader.readLine()) != null) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode json;
        try {
          json = MAPPER.readTree(line);
        } catch (IOException e) {
          throw new IllegalArgumentException("line " + n + " of the report is not JSON", e);
        }
        String key = json.path("key").asText();
        customers.putIfAbsent(key, CustomerJson.read(json.get("customer")));
        links.computeIfAbsent(key, k -> new ArrayList<>())
            .add(new CustomerLink(json.path("vendor").asText(), json.path("customerId").asText()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the sync report", e);
    }
    List<SyncItem> items = new ArrayList<>();
    customers.forEach((key, c) -> items.add(new SyncItem(key, c, links.get(key))));
    return items;
  }

  @Override
  public String toString() {
    return "SyncReport{items=" + itemsRead + ", counts=" + counts + ", failures kept=" + failures.size()
        + (failuresDropped > 0 ? ", dropped=" + failuresDropped : "") + (cancelled ? ", cancelled" : "")
        + ", duration=" + duration + "}";
  }
}
