package dev.customersync.cli;

import java.io.Closeable;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/** One file format's rows, read one at a time. */
interface RowSource extends Closeable {

  /** The next row, good or bad, or null at the end of the file; throws only when the file cannot be read. */
  @Nullable CustomerRow next() throws IOException;
}
