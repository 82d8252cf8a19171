package dev.customersync.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.customersync.core.Address;
import dev.customersync.core.Customer;
import dev.customersync.core.json.CustomerJson;
import dev.customersync.core.json.Json;
import dev.customersync.core.sync.CustomerLink;
import dev.customersync.core.sync.SyncItem;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Reads customers to sync from a file, lazily, one line at a time, so a file of any size streams
 * through {@code CustomerSync.syncAll} in flat memory.
 *
 * <p>Two formats, chosen by the file's extension:
 * <ul>
 *   <li>{@code .csv}: a header row, then one customer per row. Columns: {@code key}, the neutral
 *       fields ({@code firstName}, {@code lastName}, {@code email}, {@code phone}, {@code mobilePhone},
 *       {@code companyName}, {@code organizationNumber}, {@code vatId}, {@code externalCode}, {@code
 *       languageTag}, {@code newsletterSubscribed}, {@code active}), the invoice address ({@code
 *       invoiceCareOf}, {@code invoiceLine1}, {@code invoiceLine2}, {@code invoicePostalCode}, {@code
 *       invoiceCity}, {@code invoiceRegion}, {@code invoiceCountryCode}), and one column per vendor
 *       holding that vendor's customer id ({@code bokamera}, {@code billbee}, {@code storm}). An empty
 *       cell leaves the field unset. Quotes follow RFC 4180.
 *   <li>{@code .jsonl}: one object per line, {@code {"key":…,"customer":{…},"links":[{"vendor":…,"customerId":…}]}}
 *       with the customer in {@link CustomerJson}'s shape.
 * </ul>
 */
public final class CustomerFile {

  private static final ObjectMapper MAPPER = Json.newMapper();

  private CustomerFile() {}

  /** The file's customers as a lazy stream; close it to close the file. */
  public static Stream<SyncItem> read(Path file) {
    String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    BufferedReader reader;
    try {
      reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + file, e);
    }
    Stream<SyncItem> items;
    if (name.endsWith(".csv")) {
      items = csv(reader, file.toString());
    } else if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
      items = jsonLines(reader, file.toString());
    } else {
      closeQuietly(reader);
      throw new IllegalArgumentException(file + ": expected a .csv or .jsonl file");
    }
    return items.onClose(() -> closeQuietly(reader));
  }

  static Stream<SyncItem> jsonLines(BufferedReader reader, String source) {
    return lines(reader, 1).filter(l -> !l.line.isBlank()).map(l -> {
      try {
        JsonNode json = MAPPER.readTree(l.line);
        List<CustomerLink> links = new ArrayList<>();
        for (JsonNode link : json.path("links")) {
          links.add(CustomerLink.of(link.path("vendor").asText(), link.path("customerId").asText()));
        }
        return new SyncItem(json.path("key").asText(String.valueOf(l.number)), CustomerJson.read(json.get("customer")), links);
      } catch (IOException | RuntimeException e) {
        throw new IllegalArgumentException(source + " line " + l.number + ": " + e.getMessage(), e);
      }
    });
  }

  static Stream<SyncItem> csv(BufferedReader reader, String source) {
    List<String> header;
    try {
      String first = reader.readLine();
      if (first == null) {
        return Stream.empty();
      }
      header = Csv.parseLine(first.startsWith("\uFEFF") ? first.substring(1) : first);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return lines(reader, 2).filter(l -> !l.line.isBlank()).map(l -> {
      List<String> cells = Csv.parseLine(l.line);
      Map<String, String> row = new HashMap<>();
      for (int i = 0; i < header.size() && i < cells.size(); i++) {
        if (!cells.get(i).isEmpty()) {
          row.put(header.get(i).trim(), cells.get(i));
        }
      }
      try {
        return fromRow(row, String.valueOf(l.number));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(source + " line " + l.number + ": " + e.getMessage(), e);
      }
    });
  }

  private static SyncItem fromRow(Map<String, String> row, String fallbackKey) {
    Customer.Builder c = Customer.builder();
    set(row, "firstName", c::firstName);
    set(row, "lastName", c::lastName);
    set(row, "email", c::email);
    set(row, "phone", c::phone);
    set(row, "mobilePhone", c::mobilePhone);
    set(row, "companyName", c::companyName);
    set(row, "organizationNumber", c::organizationNumber);
    set(row, "vatId", c::vatId);
    set(row, "externalCode", c::externalCode);
    set(row, "languageTag", c::languageTag);
    set(row, "newsletterSubscribed", v -> c.newsletterSubscribed(bool("newsletterSubscribed", v)));
    set(row, "active", v -> c.active(bool("active", v)));
    Address.Builder a = Address.builder();
    boolean[] any = {false};
    setAddress(row, "invoiceCareOf", a::careOf, any);
    setAddress(row, "invoiceLine1", a::line1, any);
    setAddress(row, "invoiceLine2", a::line2, any);
    setAddress(row, "invoicePostalCode", a::postalCode, any);
    setAddress(row, "invoiceCity", a::city, any);
    setAddress(row, "invoiceRegion", a::region, any);
    setAddress(row, "invoiceCountryCode", a::countryCode, any);
    if (any[0]) {
      c.invoiceAddress(a.build());
    }
    List<CustomerLink> links = new ArrayList<>();
    for (String vendor : List.of("bokamera", "billbee", "storm")) {
      if (row.containsKey(vendor)) {
        links.add(CustomerLink.of(vendor, row.get(vendor).trim()));
      }
    }
    return new SyncItem(row.getOrDefault("key", fallbackKey), c.build(), links);
  }

  private static boolean bool(String column, String v) {
    return switch (v.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "true", "yes", "1" -> true;
      case "false", "no", "0" -> false;
      default -> throw new IllegalArgumentException(column + " must be true or false, was \"" + v + "\"");
    };
  }

  private static void set(Map<String, String> row, String column, Consumer<String> setter) {
    String v = row.get(column);
    if (v != null) {
      setter.accept(v);
    }
  }

  private static void setAddress(Map<String, String> row, String column, Consumer<String> setter, boolean[] any) {
    String v = row.get(column);
    if (v != null) {
      setter.accept(v);
      any[0] = true;
    }
  }

  private record Line(long number, String line) {}

  private static Stream<Line> lines(BufferedReader reader, long firstNumber) {
    Spliterator<Line> it = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL) {
      long n = firstNumber - 1;

      @Override
      public boolean tryAdvance(Consumer<? super Line> action) {
        try {
          String line = reader.readLine();
          if (line == null) {
            return false;
          }
          action.accept(new Line(++n, line));
          return true;
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
    return StreamSupport.stream(it, false);
  }

  private static void closeQuietly(BufferedReader r) {
    try {
      r.close();
    } catch (IOException ignored) {
      // Nothing useful to do: the stream was only read.
    }
  }
}
