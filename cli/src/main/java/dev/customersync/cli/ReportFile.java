package dev.customersync.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.customersync.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The run's JSON-lines report: the sync engine's line per failed update (its failure sink), and a
 * line per bad row, {@code {"line":3,"key":"k3","status":"INVALID_ROW","reason":"…"}}, carrying
 * no customer data but the key. Both write whole lines only, so lines from the reading thread and
 * the engine's workers never interleave.
 */
final class ReportFile implements AutoCloseable {

  static final String INVALID_ROW = "INVALID_ROW";
  static final Path DEFAULT = Path.of("customer-sync-report.jsonl");

  private static final ObjectMapper MAPPER = Json.newMapper();

  private final Path path;
  private final Writer file;
  private final LineWriter lines;
  private long written;

  private ReportFile(Path path, Writer file) {
    this.path = path;
    this.file = file;
    this.lines = new LineWriter();
  }

  /** Creates or truncates {@code path}. */
  static ReportFile create(Path path) {
    try {
      return new ReportFile(path, Files.newBufferedWriter(path, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UsageException("--report " + path + ": cannot be written (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  Path path() {
    return path;
  }

  /** The writer to hand to {@code SyncOptions.Builder.failureSink}. */
  Writer failureSink() {
    return lines;
  }

  void badRow(CustomerRow row) {
    ObjectNode line = MAPPER.createObjectNode();
    line.put("line", row.line());
    line.put("key", row.key());
    line.put("status", INVALID_ROW);
    line.put("reason", row.reason());
    writeLine(line.toString());
  }

  /** A line as it is, e.g. a bad row carried over from an earlier report. */
  void writeLine(String json) {
    try {
      lines.write(json + "\n");
      lines.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report " + path, e);
    }
  }

  /** {@return lines written so far} */
  synchronized long linesWritten() {
    return written;
  }

  /** Closes the file, and deletes it when no line was written: an empty report only invites a pointless retry. */
  @Override
  public void close() {
    try {
      file.close();
      if (linesWritten() == 0) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the report " + path, e);
    }
  }

  /**
   * Collects each thread's writes up to a line break and writes the whole line at once: the engine
   * writes a line and its break in two calls.
   */
  private final class LineWriter extends Writer {
    private final ThreadLocal<StringBuilder> pending = ThreadLocal.withInitial(StringBuilder::new);

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
      StringBuilder line = pending.get();
      for (int i = off; i < off + len; i++) {
        line.append(buf[i]);
        if (buf[i] == '\n') {
          synchronized (ReportFile.this) {
            file.write(line.toString());
            written++;
          }
          line.setLength(0);
        }
      }
    }

    @Override
    public void flush() throws IOException {
      synchronized (ReportFile.this) {
        file.flush();
      }
    }

    @Override
    public void close() {
      // The report closes the file; the engine never closes a caller's writer anyway.
    }
  }
}
