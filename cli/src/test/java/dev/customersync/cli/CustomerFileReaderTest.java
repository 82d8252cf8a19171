package dev.customersync.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.customersync.core.sync.CustomerLink;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CustomerFileReaderTest {

  private static final List<String> STORM = List.of("storm");

  @TempDir
  Path dir;

  private static List<CustomerRow> readAll(CustomerFileReader reader) {
    List<CustomerRow> rows = new ArrayList<>();
    try (reader) {
      reader.forEachRemaining(rows::add);
    }
    return rows;
  }

  @Test
  void readsQuotedCommasAndLineBreaksAfterAByteOrderMarkWithCrlfLineEnds() throws IOException {
    Path f = dir.resolve("c.csv");
    String text = "\uFEFFkey,firstName,lastName,invoiceLine1,invoiceCountryCode,storm\r\n"
        + "k1,Ada,\"Love, \"\"Countess\"\"\",\"Storgatan 1, 2 tr\",SE,1001\r\n"
        + "k2,Alan,,\"Kungsgatan 5\r\n2 tr\",,1002\r\n"
        + "k3,Grace,,,,1003\r\n";
    Files.write(f, text.getBytes(StandardCharsets.UTF_8));

    List<CustomerRow> rows = readAll(CustomerFileReader.open(f, STORM));

    assertThat(rows).extracting(CustomerRow::line).containsExactly(2L, 3L, 5L);
    var ada = rows.get(0).itemOrThrow();
    assertThat(ada.key()).isEqualTo("k1");
    assertThat(ada.customer().firstName()).contains("Ada");
    assertThat(ada.customer().lastName()).contains("Love, \"Countess\"");
    assertThat(ada.customer().invoiceAddress().orElseThrow().line1()).contains("Storgatan 1, 2 tr");
    assertThat(ada.links()).containsExactly(CustomerLink.of("storm", "1001"));
    // The line break arrives inside the cell, and the customer model refuses it there.
    assertThat(rows.get(1).reason()).startsWith("invoiceAddress.line1: must not contain a control character");
    assertThat(rows.get(2).itemOrThrow().customer().lastName()).isEmpty();
  }

  @Test
  void reportsEachBadRowWithItsLineAndReadsOnPastIt() {
    String csv = "key,firstName,newsletterSubscribed,storm\n"
        + "k1,Ada,yes,1001\n"
        + "k2,Alan,maybe,1002\n"
        + "k3,Grace,no,1003,surplus\n"
        + "k4,\"Bro\"ken,no,1004\n"
        + "\n"
        + "k5,Edsger,0,1005\n";

    List<CustomerRow> rows = readAll(CustomerFileReader.csv(new StringReader(csv), "c.csv", STORM));

    assertThat(rows).extracting(CustomerRow::toString).containsExactly(
        "line 2: k1",
        "line 3: newsletterSubscribed: \"maybe\" is not true or false",
        "line 4: the row has 5 cells, the header 4",
        "line 5: not valid CSV: Unexpected character ('k' (code 107)): Expected column separator character (',' (code 44)) or end-of-line",
        "line 7: k5");
    assertThat(rows.get(1).key()).isEqualTo("k2");
    assertThat(rows.get(4).itemOrThrow().customer().newsletterSubscribed()).contains(false);
  }

  @Test
  void linksByTheVendorIdWhenTheCellHasOneAndOtherwiseByEmail() {
    String csv = "key,email,billbee,stormId\n"
        + "k1,ada@example.com,42,\n"
        + "k2,alan@example.com,,7\n"
        + "k3,,,9\n";

    List<CustomerRow> rows = readAll(CustomerFileReader.csv(new StringReader(csv), "c.csv", List.of("billbee", "storm")));

    assertThat(rows.get(0).itemOrThrow().links()).containsExactly(CustomerLink.of("billbee", "42"), CustomerLink.byEmail("storm"));
    assertThat(rows.get(1).itemOrThrow().links()).containsExactly(CustomerLink.byEmail("billbee"), CustomerLink.of("storm", "7"));
    assertThat(rows.get(2)).hasToString("line 4: email: needed to find the customer at billbee, as the row has no billbee id");
  }

  @Test
  void openedForNoVendorsLinksOnlyTheIdsARowHolds() {
    String csv = "key,email,billbee,storm\nk1,ada@example.com,42,\n";

    CustomerRow row = readAll(CustomerFileReader.csv(new StringReader(csv), "c.csv", List.of())).get(0);

    assertThat(row.itemOrThrow().links()).containsExactly(CustomerLink.of("billbee", "42"));
  }

  @Test
  void keysARowByItsKeyElseItsEmailElseItsLine() {
    String csv = "key,email,storm\nk1,ada@example.com,1\n,alan@example.com,2\n,,3\n";

    List<CustomerRow> rows = readAll(CustomerFileReader.csv(new StringReader(csv), "c.csv", STORM));

    assertThat(rows).extracting(CustomerRow::key).containsExactly("k1", "alan@example.com", "line 4");
  }

  @Test
  void aRowThatBreaksACustomerRuleIsBadAndItsReasonLeavesTheValueOut() {
    String csv = "key,email,storm\nk1,not-an-address,1\n";

    CustomerRow row = readAll(CustomerFileReader.csv(new StringReader(csv), "c.csv", STORM)).get(0);

    assertThat(row.isGood()).isFalse();
    assertThat(row.reason()).startsWith("email: ").doesNotContain("not-an-address");
  }

  @Test
  void refusesAHeaderWithAnUnknownColumnBeforeReadingAnyRow() {
    assertThatThrownBy(() -> CustomerFileReader.csv(new StringReader("key,emial\nk1,a@example.com\n"), "c.csv", STORM))
        .isInstanceOf(CustomerFileException.class)
        .hasMessageContaining("c.csv: unknown column \"emial\"");
  }

  @Test
  void refusesAFileThatIsNeitherCsvNorJsonLines() {
    assertThatThrownBy(() -> CustomerFileReader.open(dir.resolve("c.xlsx"), STORM))
        .isInstanceOf(CustomerFileException.class).hasMessageContaining("expected a .csv, .jsonl or .ndjson file");
  }

  @Test
  void readsJsonLinesAndReportsABadLineByItsNumber() {
    String jsonl = "{\"key\":\"k1\",\"customer\":{\"firstName\":\"Ada\"},\"links\":[{\"vendor\":\"storm\",\"customerId\":\"7\"}]}\n"
        + "\n"
        + "{not json\n"
        + "{\"key\":\"k3\",\"customer\":{\"email\":\"alan@example.com\"}}\n";

    List<CustomerRow> rows = readAll(CustomerFileReader.jsonLines(new StringReader(jsonl), STORM));

    assertThat(rows).extracting(CustomerRow::line).containsExactly(1L, 3L, 4L);
    assertThat(rows.get(0).itemOrThrow().links()).containsExactly(CustomerLink.of("storm", "7"));
    assertThat(rows.get(1)).hasToString("line 3: not a JSON object");
    assertThat(rows.get(2).itemOrThrow().links()).containsExactly(CustomerLink.byEmail("storm"));
  }

  /** A CSV that never ends: a reader that loaded the file before the first row would never return. */
  private static final class EndlessCsv extends Reader {
    private final StringBuilder pending = new StringBuilder("key,firstName,storm\n");
    long rowsGenerated;

    @Override
    public int read(char[] buf, int off, int len) {
      while (pending.length() < len) {
        rowsGenerated++;
        pending.append("k").append(rowsGenerated).append(",Name").append(rowsGenerated).append(',').append(rowsGenerated)
            .append('\n');
      }
      pending.getChars(0, len, buf, off);
      pending.delete(0, len);
      return len;
    }

    @Override
    public void close() {}
  }

  @Test
  void readsRowsAsTheyAreAskedForNotTheWholeFile() {
    EndlessCsv endless = new EndlessCsv();

    try (CustomerFileReader reader = CustomerFileReader.csv(endless, "endless.csv", STORM)) {
      for (int i = 1; i <= 1_000; i++) {
        assertThat(reader.next().key()).isEqualTo("k" + i);
      }
      // Only the parser's buffer runs ahead of the rows taken: a few thousand rows at most.
      assertThat(endless.rowsGenerated).isLessThan(5_000);
    }
  }

  @Test
  void theBundledSampleFileParses() throws IOException {
    Path sample = dir.resolve("sample-customers.csv");
    try (InputStream in = CustomerFileReader.class.getResourceAsStream("sample-customers.csv")) {
      Files.copy(in, sample);
    }

    List<CustomerRow> rows = readAll(CustomerFileReader.open(sample, List.of("bokamera", "billbee", "storm")));

    assertThat(rows).hasSize(3).allSatisfy(r -> assertThat(r.itemOrThrow().links())
        .extracting(CustomerLink::vendor).containsExactly("bokamera", "billbee", "storm"));
  }
}
