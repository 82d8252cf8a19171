package dev.customersync.core.sync;

import static dev.customersync.core.sync.BulkSyncRobustnessTest.items;
import static dev.customersync.core.sync.BulkSyncRobustnessTest.updater;
import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.customersync.core.CustomerUpdater;
import dev.customersync.core.TransportException;
import dev.customersync.core.VendorApiException;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Failures of a bulk run go to a sink as they happen; the report keeps a bounded number. */
class FailureSinkTest {

  static VendorApiException serverError(String vendor) {
    return VendorApiException.builder().vendor(vendor).statusCode(500).message("boom").attempts(1).build();
  }

  @Test
  void byDefaultTheReportKeepsAThousandFailuresAndCountsTheRest() {
    CustomerUpdater failing = updater("storm", (id, c) -> {
      throw serverError("storm");
    });
    try (CustomerSync sync = CustomerSync.builder().updater(failing).build()) {
      SyncReport report = sync.syncAll(items(1_500, "storm"), SyncOptions.defaults());

      assertThat(report.count("storm", VendorOutcome.Status.FAILED)).isEqualTo(1_500);
      assertThat(report.failures()).hasSize(1_000);
      assertThat(report.failuresDropped()).isEqualTo(500);
      assertThat(report.failuresTruncated()).isTrue();
      assertThat(report.failuresWritten()).isZero();
      assertThat(report.allSucceeded()).isFalse();
    }
  }

  @Test
  void jsonLinesSayWhetherATransportFailureMayHaveReachedTheVendor() throws IOException {
    CustomerUpdater flaky = updater("storm", (id, c) -> {
      throw new TransportException("read timed out", new java.net.SocketTimeoutException(), 1, id.equals("1"));
    });
    try (CustomerSync sync = CustomerSync.builder().updater(flaky).concurrency("storm", 1).build()) {
      SyncReport report = sync.syncAll(items(2, "storm"), SyncOptions.defaults());
      StringWriter out = new StringWriter();
      report.writeJsonLines(out);

      assertThat(out.toString().lines()).hasSize(2)
          .anySatisfy(l -> assertThat(l).contains("\"customerId\":\"1\"", "\"mayHaveReachedVendor\":true")
              .doesNotContain("httpStatus"))
          .anySatisfy(l -> assertThat(l).contains("\"customerId\":\"2\"", "\"mayHaveReachedVendor\":false"));
    }
  }

  @Test
  void aClientSidePermitTimeoutIsWrittenWithoutAnHttpStatusAndWithItsAttempts() throws IOException {
    CustomerUpdater throttled = updater("billbee", (id, c) -> {
      throw new dev.customersync.core.RateLimitTimeoutException("no permit within 60 s; attempt 2 was not sent",
          "billbee", java.time.Duration.ofSeconds(60), 1, true);
    });
    try (CustomerSync sync = CustomerSync.builder().updater(throttled).build()) {
      SyncReport report = sync.syncAll(items(1, "billbee"), SyncOptions.defaults());
      StringWriter out = new StringWriter();
      report.writeJsonLines(out);

      assertThat(out.toString().lines()).singleElement().satisfies(l -> assertThat(l)
          .contains("\"errorType\":\"RateLimitTimeoutException\"", "\"attempts\":1", "\"mayHaveReachedVendor\":true")
          .doesNotContain("httpStatus"));
    }
  }

  @Test
  void failuresGoToTheSinkAsTheyHappenWhileTheReportKeepsOnlyTheFirstOnes() {
    StringWriter sink = new StringWriter();
    AtomicBoolean firstLineSeenDuringTheRun = new AtomicBoolean();
    CustomerUpdater failing = updater("storm", (id, c) -> {
      if (id.equals("2")) {
        // One worker: customer 1 has ended before customer 2 starts, so its line must be there.
        firstLineSeenDuringTheRun.set(sink.toString().contains("\"key\":\"key-1\""));
      }
      throw serverError("storm");
    });
    try (CustomerSync sync = CustomerSync.builder().updater(failing).concurrency("storm", 1).build()) {
      SyncReport report = sync.syncAll(items(1_000, "storm"), SyncOptions.builder().failureSink(sink).maxFailuresKept(10).build());

      assertThat(firstLineSeenDuringTheRun).isTrue();
      assertThat(report.count("storm", VendorOutcome.Status.FAILED)).isEqualTo(1_000);
      assertThat(report.failures()).hasSize(10)
          .extracting(f -> f.outcome().customerId()).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
      assertThat(report.failuresDropped()).isEqualTo(990);
      assertThat(report.failuresWritten()).isEqualTo(1_000);
      assertThat(sink.toString().lines()).hasSize(1_000).first().asString()
          .contains("\"vendor\":\"storm\"", "\"status\":\"FAILED\"", "\"httpStatus\":500", "boom");
      List<SyncItem> retry = SyncReport.readRetryItems(new StringReader(sink.toString()));
      assertThat(retry).hasSize(1_000).allSatisfy(item -> assertThat(item.links()).singleElement()
          .satisfies(l -> assertThat(item.key()).isEqualTo("key-" + l.customerId())));
      // What the report kept is written in the very same format.
      StringWriter kept = new StringWriter();
      report.writeJsonLines(kept);
      assertThat(sink.toString()).startsWith(kept.toString());
    }
  }

  @Test
  void aSinkFileHoldsEveryFailureForReadRetryItems(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("failures.jsonl");
    Files.writeString(file, "left over from an earlier run\n");
    CustomerSyncTest.StubUpdater b = new CustomerSyncTest.StubUpdater("b");
    b.failWith = (id, c) -> Integer.parseInt(id) % 10 == 0 ? serverError("b") : null;
    try (CustomerSync sync = CustomerSync.builder().updater(b).build()) {
      SyncReport report = sync.syncAll(items(500, "b"), SyncOptions.builder().failureSink(file).maxFailuresKept(5).build());

      assertThat(report.failuresWritten()).isEqualTo(50);
      List<SyncItem> retry;
      try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        retry = SyncReport.readRetryItems(reader);
      }
      assertThat(retry).hasSize(50).allSatisfy(item -> assertThat(Integer.parseInt(item.links().get(0).customerId()) % 10).isZero());

      b.failWith = (id, c) -> null;
      assertThat(sync.syncAll(retry.stream(), SyncOptions.builder().failureSink(file).build()).allSucceeded()).isTrue();
      assertThat(file).isEmptyFile();
    }
  }

  @Test
  void aSinkThatCannotBeWrittenStopsTheRunAndTheReportKeepsEveryFailureItDidNotTake() {
    AtomicInteger lines = new AtomicInteger();
    Writer diskFull = new Writer() {
      @Override
      public void write(char[] buf, int off, int len) throws IOException {
        if (len > 1 && lines.incrementAndGet() > 3) {
          throw new IOException("No space left on device");
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    CustomerUpdater failing = updater("storm", (id, c) -> {
      throw serverError("storm");
    });
    try (CustomerSync sync = CustomerSync.builder().updater(failing).concurrency("storm", 2).build()) {
      SyncOptions options = SyncOptions.builder().failureSink(diskFull).maxFailuresKept(0).build();

      assertThatThrownBy(() -> sync.syncAll(items(10_000, "storm"), options))
          .isInstanceOfSatisfying(SyncAbortedException.class, e -> {
            assertThat(e).hasRootCauseMessage("No space left on device");
            assertThat(e.getMessage()).contains("failure sink", "after 3 lines");
            SyncReport partial = e.partialReport();
            assertThat(partial.cancelled()).isTrue();
            assertThat(partial.itemsRead()).isLessThan(10_000);
            assertThat(partial.failuresWritten()).isEqualTo(3);
            long ended = partial.total(VendorOutcome.Status.FAILED) + partial.total(VendorOutcome.Status.CANCELLED);
            assertThat(ended).isEqualTo(partial.itemsRead());
            // Each failure is in the sink or in the report: the 3 written were not kept (max 0), every other one was.
            assertThat(partial.failures()).hasSize((int) ended - 3);
            assertThat(partial.failuresDropped()).isEqualTo(3);
          });
    }
  }

  @Test
  void theSinkIsWrittenByOneThreadAtATime() throws IOException {
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger mostInside = new AtomicInteger();
    StringWriter target = new StringWriter();
    Writer watching = new Writer() {
      @Override
      public void write(char[] buf, int off, int len) {
        mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
        try {
          // Char by char, so two writers at once would interleave their lines.
          for (int i = off; i < off + len; i++) {
            target.write(buf[i]);
            Thread.yield();
          }
        } finally {
          inside.decrementAndGet();
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    CustomerUpdater failing = updater("storm", (id, c) -> {
      throw serverError("storm");
    });
    try (CustomerSync sync = CustomerSync.builder().updater(failing).concurrency("storm", 8).build()) {
      sync.syncAll(items(300, "storm"), SyncOptions.builder().failureSink(watching).build());
    }

    assertThat(mostInside).hasValue(1);
    ObjectMapper json = new ObjectMapper();
    List<String> lines = target.toString().lines().toList();
    assertThat(lines).hasSize(300);
    for (String line : lines) {
      assertThat(json.readTree(line).path("customer").path("email").asText()).endsWith("@example.com");
    }
  }

  @Test
  void aSinkFileThatCannotBeCreatedFailsTheStartBeforeAnythingIsSent(@TempDir Path dir) {
    CustomerSyncTest.StubUpdater a = new CustomerSyncTest.StubUpdater("a");
    Path nowhere = dir.resolve("missing-directory").resolve("failures.jsonl");
    try (CustomerSync sync = CustomerSync.builder().updater(a).build()) {
      assertThatThrownBy(() -> sync.start(items(10, "a"), SyncOptions.builder().failureSink(nowhere).build()))
          .isInstanceOf(UncheckedIOException.class).hasMessageContaining("failure sink");
      assertThat(a.calls).hasValue(0);
    }
    assertThatThrownBy(() -> SyncOptions.builder().maxFailuresKept(-1)).isInstanceOf(IllegalArgumentException.class);
  }
}
