package dev.customersync.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.customersync.cli.CustomerRow;
import dev.customersync.core.sync.CustomerLink;
import dev.customersync.core.sync.SyncItem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CustomerFileTest {

  @TempDir
  Path dir;

  @Test
  void readLinksByTheIdsARowHoldsAndFailsOnABadRowNamingItsLine() throws IOException {
    Path f = dir.resolve("c.csv");
    Files.writeString(f, "key,active,storm\nk1,true,7\nk2,maybe,8\n");

    try (Stream<SyncItem> s = CustomerFile.read(f)) {
      assertThatThrownBy(s::toList).hasMessageContaining("line 3: active: \"maybe\" is not true or false");
    }
    try (Stream<SyncItem> s = CustomerFile.read(f)) {
      assertThat(s.findFirst().orElseThrow().links()).containsExactly(CustomerLink.of("storm", "7"));
    }
  }

  @Test
  void readForVendorsHandsBadRowsOverAndStreamsTheRest() throws IOException {
    Path f = dir.resolve("c.csv");
    Files.writeString(f, "key,email,active\nk1,ada@example.com,maybe\nk2,alan@example.com,true\n");
    List<CustomerRow> bad = new ArrayList<>();

    List<SyncItem> items;
    try (Stream<SyncItem> s = CustomerFile.read(f, List.of("billbee"), bad::add)) {
      items = s.toList();
    }

    assertThat(items).singleElement().satisfies(i -> assertThat(i.links()).containsExactly(CustomerLink.byEmail("billbee")));
    assertThat(bad).extracting(CustomerRow::line).containsExactly(2L);
  }
}
