package dev.customersync.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.customersync.core.sync.CustomerLink;
import dev.customersync.core.sync.SyncItem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CustomerFileTest {

  @TempDir
  Path dir;

  @Test
  void readsCsvWithQuotesLeavingEmptyCellsUnset() throws IOException {
    Path f = dir.resolve("c.csv");
    Files.writeString(f, "key,firstName,lastName,email,invoiceLine1,invoiceCountryCode,newsletterSubscribed,billbee,storm\n"
        + "k1,Ada,\"Love, \"\"Countess\"\"\",,\"Storgatan 1, 2 tr\",SE,yes,42,7\n\n"
        + "k2,Alan,,alan@example.com,,,,,9\n");

    List<SyncItem> items;
    try (Stream<SyncItem> s = CustomerFile.read(f)) {
      items = s.toList();
    }

    assertThat(items).hasSize(2);
    SyncItem first = items.get(0);
    assertThat(first.key()).isEqualTo("k1");
    assertThat(first.customer().lastName()).contains("Love, \"Countess\"");
    assertThat(first.customer().email()).isEmpty();
    assertThat(first.customer().newsletterSubscribed()).contains(true);
    assertThat(first.customer().invoiceAddress().orElseThrow().line1()).contains("Storgatan 1, 2 tr");
    assertThat(first.links()).containsExactly(CustomerLink.of("billbee", "42"), CustomerLink.of("storm", "7"));
    assertThat(items.get(1).customer().invoiceAddress()).isEmpty();
    assertThat(items.get(1).links()).containsExactly(CustomerLink.of("storm", "9"));
  }

  @Test
  void readsJsonLines() throws IOException {
    Path f = dir.resolve("c.jsonl");
    Files.writeString(f, "{\"key\":\"k1\",\"customer\":{\"firstName\":\"Ada\"},\"links\":[{\"vendor\":\"storm\",\"customerId\":\"7\"}]}\n");

    try (Stream<SyncItem> s = CustomerFile.read(f)) {
      SyncItem item = s.findFirst().orElseThrow();
      assertThat(item.customer().firstName()).contains("Ada");
      assertThat(item.links()).containsExactly(CustomerLink.of("storm", "7"));
    }
  }

  @Test
  void namesTheLineOfABadRow() throws IOException {
    Path f = dir.resolve("c.csv");
    Files.writeString(f, "key,active\nk1,true\nk2,maybe\n");

    try (Stream<SyncItem> s = CustomerFile.read(f)) {
      assertThatThrownBy(s::toList).hasMessageContaining("line 3").hasMessageContaining("active must be true or false");
    }
  }

  @Test
  void theShippedSampleFileParses() throws IOException {
    Path sample = dir.resolve("sample-customers.csv");
    try (var in = getClass().getResourceAsStream("/sample-customers.csv")) {
      Files.copy(in, sample);
    }
    try (Stream<SyncItem> s = CustomerFile.read(sample)) {
      assertThat(s.toList()).hasSize(3).allSatisfy(i -> {
        assertThat(i.links()).extracting(CustomerLink::vendor).containsExactly("bokamera", "billbee", "storm");
        assertThat(i.customer().violations()).isEmpty();
      });
    }
  }
}
