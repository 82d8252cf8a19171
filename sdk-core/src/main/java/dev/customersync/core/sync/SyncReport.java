package dev.customersync.core.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.customersync.core.Customer;
import dev.customersync.core.MatchKey;
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
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The final account of a bulk sync: counts per vendor and status (updated, unchanged, would change
 * in a dry run, failed, cancelled), the failures kept in memory (the first {@link
 * SyncOptions#maxFailuresKept()}; the others are counted, and written to the run's failure sink
 * when it has one), whether it was a dry run or cancelled, how many customers were read, and how
 * long it took.
 *
 * <p>{@link #writeJsonLines} writes one JSON object per kept failed or cancelled update, customer
 * data included, in the same format as the failure sink; {@link #readRetryItems} reads either back
 * into {@link SyncItem}s that retry those updates that may succeed later (or, on request, all of
 * them) and nothing else. Successful outcomes
 * ({@link VendorOutcome#isSuccess()}: updated, unchanged, would change) are never failures and
 * never written there.
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
  private final boolean dryRun;
  private final long duplicateKeys;
  private final List<String> duplicateItemKeys;

  SyncReport(Map<String, Map<VendorOutcome.Status, Long>> counts, List<SyncFailure> failures, long failuresDropped,
      long failuresWritten, long itemsRead, boolean cancelled, Duration duration, boolean dryRun) {
    this(counts, failures, failuresDropped, failuresWritten, itemsRead, cancelled, duration, dryRun, 0, List.of());
  }

  SyncReport(Map<String, Map<VendorOutcome.Status, Long>> counts, List<SyncFailure> failures, long failuresDropped,
      long failuresWritten, long itemsRead, boolean cancelled, Duration duration, boolean dryRun, long duplicateKeys,
      List<String> duplicateItemKeys) {
    this.duplicateKeys = duplicateKeys;
    this.duplicateItemKeys = List.copyOf(duplicateItemKeys);
    Map<String, Map<VendorOutcome.Status, Long>> copy = new TreeMap<>();
    counts.forEach((v, m) -> copy.put(v, Collections.unmodifiableMap(new EnumMap<>(m))));
    this.counts = Collections.unmodifiableMap(copy);
    this.failures = List.copyOf(failures);
    this.failuresDropped = failuresDropped;
    this.failuresWritten = failuresWritten;
    this.itemsRead = itemsRead;
    this.cancelled = cancelled;
    this.duration = duration;
    this.dryRun = dryRun;
  }

  /** {@return for each vendor, how many of its updates ended with each status} */
  public Map<String, Map<VendorOutcome.Status, Long>> counts() {
    return counts;
  }

  /**
   * Counts the updates at one vendor that ended with one status.
   *
   * @param vendor the vendor's name
   * @param status the status to count
   * @return how many updates at {@code vendor} ended with {@code status}; 0 for an unknown vendor
   */
  public long count(String vendor, VendorOutcome.Status status) {
    return counts.getOrDefault(vendor, Map.of()).getOrDefault(status, 0L);
  }

  /**
   * Counts the updates at all vendors that ended with one status.
   *
   * @param status the status to count
   * @return how many updates ended with {@code status}, at all vendors
   */
  public long total(VendorOutcome.Status status) {
    return counts.values().stream().mapToLong(m -> m.getOrDefault(status, 0L)).sum();
  }

  /**
   * The updates that failed or were cancelled and that the report kept, in the order they ended:
   * the first {@link SyncOptions#maxFailuresKept()}, and after a failure sink broke, also every one
   * the sink did not take. {@link #failuresTruncated()} says whether some are missing here.
   *
   * @return the kept failures, in the order they ended
   */
  public List<SyncFailure> failures() {
    return failures;
  }

  /**
   * How many failed or cancelled updates are not in {@link #failures()} because the report keeps
   * only {@link SyncOptions#maxFailuresKept()}. With a failure sink, each of them is in the sink.
   *
   * @return the number of failures left out of {@link #failures()}
   */
  public long failuresDropped() {
    return failuresDropped;
  }

  /**
   * {@return true when {@link #failures()} is not every failed or cancelled update: see {@link
   * #failuresDropped()}}
   */
  public boolean failuresTruncated() {
    return failuresDropped > 0;
  }

  /** {@return how many JSON lines the run's failure sink took; 0 without a sink} */
  public long failuresWritten() {
    return failuresWritten;
  }

  /** {@return how many customers were taken from the source; on a cancelled run, the rest was not read} */
  public long itemsRead() {
    return itemsRead;
  }

  /** {@return true when the run was cancelled, by the caller or because its failure sink broke} */
  public boolean cancelled() {
    return cancelled;
  }

  /** {@return how long the run took, from start to the report} */
  public Duration duration() {
    return duration;
  }

  /**
   * How many times a link by match key repeated a key an earlier item of the source had at the same
   * vendor (two rows with one e-mail address, say). Each repeat was applied after the earlier one,
   * in source order; the count is here so that a source that should not repeat keys can be fixed.
   *
   * @return the number of repeated keys; 0 for a run without links by match key
   */
  public long duplicateKeys() {
    return duplicateKeys;
  }

  /**
   * {@return the item keys ({@link SyncItem#key()}) of the first 100 items whose match key repeated
   * an earlier item's, in source order}
   */
  public List<String> duplicateItemKeys() {
    return duplicateItemKeys;
  }

  /** {@return true when the run only planned ({@link SyncOptions#dryRun()}): nothing was written} */
  public boolean dryRun() {
    return dryRun;
  }

  /**
   * True when every update succeeded ({@link VendorOutcome#isSuccess()}: updated, unchanged or, in
   * a dry run, would change) and the run was not cancelled.
   *
   * @return true when nothing failed and nothing was cancelled
   */
  public boolean allSucceeded() {
    return total(VendorOutcome.Status.FAILED) == 0 && total(VendorOutcome.Status.CANCELLED) == 0 && !cancelled;
  }

  /**
   * Same as {@link #allSucceeded()}: unchanged and would-change updates count as success.
   *
   * @return {@link #allSucceeded()}
   *
   * @deprecated the name suggests every vendor was written to; use {@link #allSucceeded()}
   */
  @Deprecated
  public boolean allUpdated() {
    return allSucceeded();
  }

  /**
   * Writes one JSON line per failure in {@link #failures()}: key, vendor, id, status, error type,
   * for a vendor's answer ({@link dev.customersync.core.VendorApiException}) its {@code
   * statusCode} (what it meant) and {@code httpStatus} (what the wire carried), error code, and on
   * every line {@code retryable} ({@link VendorOutcome#retryable()}), {@code operation} ({@code
   * "read"}, {@code "write"}, {@code "create"}, {@code "find"}, {@code "list"}, {@code "token"}, or
   * {@code null} when no vendor call failed) and {@code mayHaveReachedVendor}; then message,
   * attempts, duration and the customer.
   *
   * @param out where to write the lines; flushed, not closed
   * @throws UncheckedIOException the writer failed
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
    if (o.matchKey() != null) {
      line.put("matchKey", o.matchKey().name());
    }
    line.put("status", o.status().name());
    o.errorType().ifPresent(t -> line.put("errorType", t));
    o.statusCode().ifPresent(s -> line.put("statusCode", s));
    o.httpStatus().ifPresent(s -> line.put("httpStatus", s));
    o.errorCode().ifPresent(c -> line.put("errorCode", c));
    line.put("retryable", o.retryable());
    line.put("operation", o.operation().map(op -> op.name().toLowerCase(Locale.ROOT)).orElse(null));
    line.put("mayHaveReachedVendor", o.mayHaveReachedVendor().orElse(false));
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
   * SyncOptions.Builder#failureSink(Writer)}) into items that retry its retryable failures and its
   * cancelled updates, one item per customer key with only those links. A permanent failure (a line
   * with {@code "retryable": false}: invalid data, not found, archived, refused) would fail the
   * same way again and is left out; {@link #readRetryItems(Reader, boolean)} takes it too. Lines
   * written before {@code retryable} existed are retried, as they always were.
   *
   * @param in the JSON lines to read; not closed
   * @return one item per customer key, in the order the keys first appear, with the links to retry
   * @throws IllegalArgumentException a line is not JSON, or names a match key this version does not know
   * @throws UncheckedIOException the reader failed
   */
  public static List<SyncItem> readRetryItems(Reader in) {
    return readRetryItems(in, false);
  }

  /**
   * Reads a file written by {@link #writeJsonLines} or a failure sink ({@link
   * SyncOptions.Builder#failureSink(Writer)}) into items that retry its failed and cancelled
   * updates, one item per customer key with only the links that did not succeed. Neither ever
   * writes a successful outcome; a line whose {@code status} is one anyway ({@code UPDATED}, {@code
   * UNCHANGED}, {@code WOULD_CHANGE}) is skipped, as there is nothing to retry.
   *
   * <p>A line with a {@code matchKey} ({@code EMAIL}, {@code EXTERNAL_CODE}) is retried by that key
   * ({@link CustomerLink#byEmail}, {@link CustomerLink#byExternalCode}), so the retry finds the
   * customer again; any other line by its {@code customerId}.
   *
   * @param in the JSON lines to read; not closed
   * @param includePermanent true to retry every failure, false to leave out the lines that say
   *     {@code "retryable": false}
   * @return one item per customer key, in the order the keys first appear, with the links to retry
   * @throws IllegalArgumentException a line is not JSON, or names a match key this version does not know
   * @throws UncheckedIOException the reader failed
   */
  public static List<SyncItem> readRetryItems(Reader in, boolean includePermanent) {
    Map<String, Customer> customers = new LinkedHashMap<>();
    Map<String, List<CustomerLink>> links = new LinkedHashMap<>();
    Map<String, Map<String, Customer>> overrides = new LinkedHashMap<>();
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
        if (isSuccessStatus(json.path("status").asText())) {
          continue;
        }
        // Only a line that says false is permanent: older lines without the field are retried.
        if (!includePermanent && json.path("retryable").isBoolean() && !json.path("retryable").booleanValue()) {
          continue;
        }
        String key = json.path("key").asText();
        CustomerLink link = linkOf(json, n);
        Customer customer = CustomerJson.read(json.get("customer"));
        Customer first = customers.putIfAbsent(key, customer);
        if (first != null && !first.equals(customer)) {
          // The item pushed another customer to this vendor (SyncItem.withCustomerFor): keep it so.
          overrides.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(link.vendor(), customer);
        }
        links.computeIfAbsent(key, k -> new ArrayList<>()).add(link);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the sync report", e);
    }
    List<SyncItem> items = new ArrayList<>();
    customers.forEach((key, c) -> items.add(new SyncItem(key, c, links.get(key), overrides.getOrDefault(key, Map.of()))));
    return items;
  }

  /** By the match key when the line has one (the retry finds the customer again), else by id. */
  private static CustomerLink linkOf(JsonNode line, int lineNumber) {
    String vendor = line.path("vendor").asText();
    if (!line.hasNonNull("matchKey")) {
      return new CustomerLink(vendor, line.path("customerId").asText());
    }
    String name = line.get("matchKey").asText();
    try {
      return new CustomerLink(vendor, null, MatchKey.valueOf(name));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("line " + lineNumber + " of the report has an unknown matchKey " + name
          + " (known: " + java.util.Arrays.toString(MatchKey.values()) + ")", e);
    }
  }

  private static boolean isSuccessStatus(String status) {
    for (VendorOutcome.Status s : VendorOutcome.Status.values()) {
      if (s.name().equals(status)) {
        return s.isSuccess();
      }
    }
    // Unknown or missing: the line came from a failure sink, so it is a failure to retry.
    return false;
  }

  /**
   * E.g. {@code SyncReport{items=3, billbee: 1 updated, 2 unchanged, 0 failed; storm: 0 updated,
   * 2 unchanged, 1 failed, failures kept=1, duration=PT0.2S}}; a dry run shows {@code dry run} and
   * its {@code would change} counts, a cancelled run its {@code cancelled} counts.
   */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("SyncReport{items=").append(itemsRead);
    if (dryRun) {
      s.append(", dry run");
    }
    String sep = ", ";
    for (var e : counts.entrySet()) {
      s.append(sep).append(e.getKey()).append(": ").append(countsText(e.getValue()));
      sep = "; ";
    }
    return s.append(", failures kept=").append(failures.size())
        .append(failuresDropped > 0 ? ", dropped=" + failuresDropped : "").append(cancelled ? ", cancelled" : "")
        .append(duplicateKeys > 0 ? ", repeated keys=" + duplicateKeys : "")
        .append(", duration=").append(duration).append('}').toString();
  }

  private String countsText(Map<VendorOutcome.Status, Long> c) {
    long cancelledCount = c.getOrDefault(VendorOutcome.Status.CANCELLED, 0L);
    long created = c.getOrDefault(VendorOutcome.Status.CREATED, 0L);
    long skipped = c.getOrDefault(VendorOutcome.Status.SKIPPED, 0L);
    long wouldCreate = c.getOrDefault(VendorOutcome.Status.WOULD_CREATE, 0L);
    return c.getOrDefault(VendorOutcome.Status.UPDATED, 0L) + " updated, "
        + (created > 0 ? created + " created, " : "")
        + (dryRun ? c.getOrDefault(VendorOutcome.Status.WOULD_CHANGE, 0L) + " would change, " : "")
        + (wouldCreate > 0 ? wouldCreate + " would create, " : "")
        + c.getOrDefault(VendorOutcome.Status.UNCHANGED, 0L) + " unchanged, "
        + (skipped > 0 ? skipped + " skipped, " : "")
        + c.getOrDefault(VendorOutcome.Status.FAILED, 0L) + " failed"
        + (cancelledCount > 0 ? ", " + cancelledCount + " cancelled" : "");
  }
}
