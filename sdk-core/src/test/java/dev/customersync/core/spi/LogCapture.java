package dev.customersync.core.spi;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Captures everything the SDK logs through {@code System.Logger}, which without a custom
 * LoggerFinder goes to java.util.logging, at the most verbose level.
 */
final class LogCapture implements AutoCloseable {

  private final Logger logger = Logger.getLogger("dev.customersync");
  private final Level previous = logger.getLevel();
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final Handler handler = new Handler() {
    @Override
    public void publish(LogRecord r) {
      lines.add(r.getLevel() + " " + r.getMessage());
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  LogCapture() {
    handler.setLevel(Level.ALL);
    logger.setLevel(Level.ALL);
    logger.addHandler(handler);
  }

  List<String> lines() {
    return List.copyOf(lines);
  }

  @Override
  public void close() {
    logger.removeHandler(handler);
    logger.setLevel(previous);
  }
}
