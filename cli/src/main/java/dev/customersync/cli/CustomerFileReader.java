package dev.customersync.cli;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.jspecify.annotations.Nullable;

/**
 * Reads customers to sync from a CSV or JSON-lines file, one row at a time, so a file of any size
 * streams in flat memory. Every row comes out as a {@link CustomerRow}: a customer to sync, or a
 * bad row with its line and the reason (for example {@code line 3: newsletterSubscribed: "maybe"
 * is not true or false}); a bad row never stops the reading.
 *
 * <p><b>CSV</b> ({@code .csv}; UTF-8, a byte order mark is skipped, LF or CRLF line ends, quotes per
 * RFC 4180 with commas and line breaks inside quoted cells): a header row, then one customer per
 * row. Columns, in any order, each optional: {@code key}; the customer's {@code firstName}, {@code
 * lastName}, {@code email}, {@code phone}, {@code mobilePhone}, {@code companyName}, {@code
 * organizationNumber}, {@code vatId}, {@code externalCode}, {@code languageTag}, {@code
 * newsletterSubscribed} and {@code active} ({@code true}/{@code false}, {@code yes}/{@code no} or
 * {@code 1}/{@code 0}); the invoice address's {@code invoiceCareOf}, {@code invoiceLine1}, {@code
 * invoiceLine2}, {@code invoicePostalCode}, {@code invoiceCity}, {@code invoiceRegion} and {@code
 * invoiceCountryCode}; and one column per vendor holding that vendor's customer id, named {@code
 * bokamera}, {@code billbee}, {@code storm} (or {@code bokameraId}, {@code billbeeId}, {@code
 * stormId}). An empty cell leaves the field unset. A header with an unknown column fails the whole
 * file: a misspelt column would otherwise be dropped from every row without a word.
 *
 * <p><b>JSON lines</b> ({@code .jsonl} or {@code .ndjson}): one object per line, {@code
 * {"key":…,"customer":{…},"links":[{"vendor":…,"customerId":…}]}}, the customer in {@link
 * dev.customersync.core.json.CustomerJson}'s shape.
 *
 * <p><b>Links.</b> Every vendor the reader is opened for gets one link per row: by the vendor's id
 * when the row has one, otherwise by the customer's e-mail address ({@link
 * dev.customersync.core.sync.CustomerLink#byEmail}); a row with neither is bad. A row's key is its
 * {@code key}, else its e-mail address, else {@code line <n>}. A reader opened for no vendors links
 * each row by id only, to the vendors whose ids it holds (a row with none has no links).
 *
 * <p>Not thread-safe; close it to close the file.
 */
public final class CustomerFileReader implements Iterator<CustomerRow>, Closeable {

  private final RowSource source;
  private @Nullable CustomerRow next;
  private boolean done;

  private CustomerFileReader(RowSource source) {
    this.source = source;
  }

  /**
   * Opens a file, choosing the format by its extension ({@code .csv}, {@code .jsonl}, {@code .ndjson}).
   *
   * @param file the file to read
   * @param vendors the vendors each row is linked to, in order
   * @return the reader, positioned before the first row
   * @throws CustomerFileException the file is missing, has another extension, or its CSV header is bad
   * @throws UncheckedIOException the file cannot be read
   */
  public static CustomerFileReader open(Path file, List<String> vendors) {
    String name = file.getFileName() == null ? file.toString() : file.getFileName().toString().toLowerCase(Locale.ROOT);
    boolean csv = name.endsWith(".csv");
    if (!csv && !name.endsWith(".jsonl") && !name.endsWith(".ndjson")) {
      throw new CustomerFileException(file + ": expected a .csv, .jsonl or .ndjson file", null);
    }
    Reader reader;
    try {
      reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new CustomerFileException(file + ": no such file", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + file, e);
    }
    return csv ? csv(reader, file.toString(), vendors) : jsonLines(reader, vendors);
  }

  /**
   * Reads CSV from {@code reader}, which it closes when closed.
   *
   * @param reader the CSV text, header row first
   * @param name what to call the source in messages, e.g. its file name
   * @param vendors the vendors each row is linked to, in order
   * @return the reader, positioned before the first row
   * @throws CustomerFileException the text is empty or its header is bad
   * @throws UncheckedIOException the text cannot be read
   */
  public static CustomerFileReader csv(Reader reader, String name, List<String> vendors) {
    try {
      return new CustomerFileReader(new CsvRowSource(withoutByteOrderMark(reader), name, List.copyOf(vendors)));
    } catch (IOException e) {
      closeQuietly(reader);
      throw new UncheckedIOException("cannot read " + name, e);
    } catch (RuntimeException e) {
      closeQuietly(reader);
      throw e;
    }
  }

  /**
   * Reads JSON lines from {@code reader}, which it closes when closed.
   *
   * @param reader the JSON lines
   * @param vendors the vendors each line is linked to, in order
   * @return the reader, positioned before the first line
   * @throws UncheckedIOException the text cannot be read
   */
  public static CustomerFileReader jsonLines(Reader reader, List<String> vendors) {
    try {
      return new CustomerFileReader(new JsonLinesRowSource(new BufferedReader(withoutByteOrderMark(reader)),
          List.copyOf(vendors)));
    } catch (IOException e) {
      closeQuietly(reader);
      throw new UncheckedIOException("cannot read the JSON lines", e);
    }
  }

  /**
   * {@inheritDoc}
   *
   * @throws UncheckedIOException the file cannot be read
   */
  @Override
  public boolean hasNext() {
    if (next == null && !done) {
      try {
        next = source.next();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the customer file", e);
      }
      done = next == null;
    }
    return next != null;
  }

  /**
   * {@inheritDoc}
   *
   * @throws UncheckedIOException the file cannot be read
   */
  @Override
  public CustomerRow next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    CustomerRow row = next;
    next = null;
    return row;
  }

  /** Closes the file. */
  @Override
  public void close() {
    done = true;
    try {
      source.close();
    } catch (IOException ignored) {
      // The file was only read: nothing is lost by a failed close.
    }
  }

  private static Reader withoutByteOrderMark(Reader reader) throws IOException {
    // Excel's "CSV UTF-8" starts with one; left in, it would glue itself to the first column's name.
    PushbackReader in = new PushbackReader(reader, 1);
    int first = in.read();
    if (first != -1 && first != '\uFEFF') {
      in.unread(first);
    }
    return in;
  }

  private static void closeQuietly(Reader r) {
    try {
      r.close();
    } catch (IOException ignored) {
      // Already failing: the first error is the one to report.
    }
  }
}
