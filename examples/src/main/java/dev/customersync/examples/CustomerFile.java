package dev.customersync.examples;

import dev.customersync.cli.CustomerFileReader;
import dev.customersync.cli.CustomerRow;
import dev.customersync.core.sync.SyncItem;
import java.nio.file.Path;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A customer file as a lazy stream of {@link SyncItem}s, for {@code CustomerSync.syncAll}: the
 * CLI's {@link CustomerFileReader} (CSV or JSON lines, formats described there) behind a {@link
 * Stream}, so a file of any size streams through in flat memory.
 */
public final class CustomerFile {

  private CustomerFile() {}

  /**
   * Each row linked by id to the vendors whose ids it holds; a bad row fails the stream with an
   * {@link IllegalArgumentException} naming its line. Close the stream to close the file.
   */
  public static Stream<SyncItem> read(Path file) {
    return read(file, List.of(), row -> {
      throw new IllegalArgumentException(file + " " + row);
    });
  }

  /**
   * Each row linked to every one of {@code vendors} (by id, else by e-mail); bad rows go to {@code
   * badRows} and are left out. Close the stream to close the file.
   */
  public static Stream<SyncItem> read(Path file, List<String> vendors, Consumer<CustomerRow> badRows) {
    CustomerFileReader reader = CustomerFileReader.open(file, vendors);
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(reader, Spliterator.ORDERED | Spliterator.NONNULL), false)
        .onClose(reader::close)
        .filter(row -> {
          if (!row.isGood()) {
            badRows.accept(row);
          }
          return row.isGood();
        })
        .map(CustomerRow::itemOrThrow);
  }
}
