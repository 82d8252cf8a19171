package dev.customersync.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customersync.core.sync.SyncReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncFileTest {

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  @Test
  void failuresStreamToTheReportFileWhichRetryReadsBack(@TempDir Path dir) throws IOException {
    Path csv = dir.resolve("customers.csv");
    Files.writeString(csv, "key,firstName,storm\nada,Ada,1001\nnobody,Nobody,999999\n");
    Path failures = dir.resolve("failures.jsonl");
    try (ExampleVendors vendors = ExampleVendors.start(Map.of(), out)) {
      SyncReport first = SyncFile.run(vendors,
          new String[] {csv.toString(), "--vendors", "storm", "--report", failures.toString()}, out);

      assertThat(first.failuresWritten()).isEqualTo(1);
      assertThat(Files.readAllLines(failures)).singleElement().asString()
          .contains("\"key\":\"nobody\"", "\"customerId\":\"999999\"", "\"status\":\"FAILED\"");
      assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("1 failures written to " + failures);

      SyncReport retry = SyncFile.run(vendors,
          new String[] {"--retry", failures.toString(), "--vendors", "storm", "--report", failures.toString()}, out);

      assertThat(retry.itemsRead()).isEqualTo(1);
      assertThat(retry.failuresWritten()).isEqualTo(1);
    }
  }

  @Test
  void aRunWithoutFailuresLeavesNoStaleFailuresFile(@TempDir Path dir) throws IOException {
    Path failures = dir.resolve("failures.jsonl");
    Files.writeString(failures, "{\"key\":\"from an earlier run\"}\n");
    try (ExampleVendors vendors = ExampleVendors.start(Map.of(), out)) {
      SyncReport report = SyncFile.run(vendors, new String[] {"--report", failures.toString()}, out);

      assertThat(report.allUpdated()).isTrue();
      assertThat(failures).doesNotExist();
    }
  }
}
