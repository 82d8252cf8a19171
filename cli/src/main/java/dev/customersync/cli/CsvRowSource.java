package dev.customersync.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A CSV file with a header row, read token by token with jackson-dataformat-csv: RFC 4180 quotes,
 * commas and line breaks inside quoted cells, CRLF or LF. A row's line is the line its first cell
 * starts on. A row that breaks the CSV syntax (a stray quote) is a bad row, and reading goes on
 * after it.
 */
final class CsvRowSource implements RowSource {

  private static final CsvMapper MAPPER = new CsvMapper();

  private final CsvParser parser;
  private final List<String> vendors;
  private final List<String> header;
  /** The first line of the row being read, or -1 before its first cell. */
  private long rowLine = -1;

  CsvRowSource(Reader reader, String name, List<String> vendors) throws IOException {
    this.parser = MAPPER.getFactory().createParser(reader);
    parser.setSchema(CsvSchema.emptySchema());
    // Every row as an array of strings; the file as a whole becomes one outer array.
    parser.enable(CsvParser.Feature.WRAP_AS_ARRAY);
    this.vendors = vendors;
    if (parser.nextToken() != JsonToken.START_ARRAY) {
      throw new CustomerFileException(name + " is empty: a CSV customer file starts with a header row", null);
    }
    List<String> cells = new ArrayList<>();
    try {
      if (readRow(cells) < 0) {
        throw new CustomerFileException(name + " is empty: a CSV customer file starts with a header row", null);
      }
    } catch (JsonProcessingException e) {
      throw new CustomerFileException(name + ": the header row is not valid CSV: " + e.getOriginalMessage(), e);
    }
    this.header = checkHeader(cells, name);
  }

  @Override
  public @Nullable CustomerRow next() throws IOException {
    List<String> cells = new ArrayList<>();
    while (true) {
      cells.clear();
      long line;
      try {
        line = readRow(cells);
      } catch (JsonProcessingException e) {
        long at = rowLine > 0 ? rowLine : e.getLocation() == null ? -1 : e.getLocation().getLineNr();
        skipRestOfRow(e);
        return CustomerRow.bad(at, "line " + at, "not valid CSV: " + e.getOriginalMessage());
      }
      if (line < 0) {
        return null;
      }
      if (cells.stream().allMatch(String::isBlank)) {
        continue;
      }
      if (cells.size() > header.size()) {
        return CustomerRow.bad(line, keyOf(line, cells), "the row has " + cells.size()
            + " cells, the header " + header.size());
      }
      Map<String, String> byColumn = new HashMap<>();
      for (int i = 0; i < cells.size(); i++) {
        if (!cells.get(i).isEmpty()) {
          byColumn.put(header.get(i), cells.get(i));
        }
      }
      return CustomerColumns.toRow(line, byColumn, vendors);
    }
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }

  /** Reads one row's cells into {@code cells}; returns its first line, or -1 at the end of the file. */
  private long readRow(List<String> cells) throws IOException {
    JsonToken t = parser.nextToken();
    if (t == null || t == JsonToken.END_ARRAY) {
      return -1;
    }
    rowLine = -1;
    while ((t = parser.nextToken()) == JsonToken.VALUE_STRING) {
      if (rowLine < 0) {
        rowLine = parser.currentTokenLocation().getLineNr();
      }
      cells.add(parser.getText());
    }
    return rowLine;
  }

  private void skipRestOfRow(JsonProcessingException first) throws IOException {
    // The parser resumes after a syntax error; what is left of the row is dropped with it. Further
    // errors on the way are the same broken row, but a parser that stops advancing would loop.
    JsonToken t;
    int errors = 0;
    do {
      try {
        t = parser.nextToken();
      } catch (JsonProcessingException again) {
        if (++errors > 100) {
          throw new IOException("cannot find the end of the broken row at line " + rowLine, first);
        }
        t = JsonToken.VALUE_NULL;
      }
    } while (t != null && t != JsonToken.END_ARRAY);
  }

  private String keyOf(long line, List<String> cells) {
    int key = header.indexOf("key");
    int email = header.indexOf("email");
    return CustomerColumns.keyOf(line, key >= 0 && key < cells.size() ? cells.get(key) : null,
        email >= 0 && email < cells.size() ? cells.get(email) : null);
  }

  private static List<String> checkHeader(List<String> cells, String name) {
    Set<String> known = CustomerColumns.known();
    Set<String> seen = new HashSet<>();
    List<String> header = new ArrayList<>();
    for (String cell : cells) {
      String column = cell.trim();
      if (!known.contains(column)) {
        throw new CustomerFileException(name + ": unknown column \"" + column + "\" in the header; known columns: "
            + String.join(", ", known), null);
      }
      if (!seen.add(column)) {
        throw new CustomerFileException(name + ": column \"" + column + "\" appears twice in the header", null);
      }
      header.add(column);
    }
    return header;
  }
}
