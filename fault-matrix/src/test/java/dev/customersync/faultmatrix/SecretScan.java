package dev.customersync.faultmatrix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customersync.core.VendorApiException;
import dev.customersync.core.spi.Redactor;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import mockwebserver3.RecordedRequest;

/**
 * Captures every log line (System.Logger goes to java.util.logging, switched to {@link Level#ALL})
 * and every exception message the suite produces, learns every secret the suite uses (fixed
 * credentials, and each token or credential seen on the wire), and checks that no text contains one.
 */
final class SecretScan {

  private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();
  private static final ConcurrentLinkedQueue<String> TEXTS = new ConcurrentLinkedQueue<>();
  private static final ConcurrentLinkedQueue<String> SDK_LOG_LINES = new ConcurrentLinkedQueue<>();
  // Held strongly: java.util.logging keeps loggers weakly, and a collected logger loses its level.
  private static final List<Logger> LOGGERS = new ArrayList<>();

  static {
    SimpleFormatter formatter = new SimpleFormatter();
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord record) {
        String line = record.getLoggerName() + " " + record.getLevel() + " " + formatter.formatMessage(record);
        TEXTS.add(line);
        if (record.getLoggerName() != null && record.getLoggerName().startsWith("dev.customersync")) {
          SDK_LOG_LINES.add(line);
        }
        for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
          TEXTS.add(String.valueOf(t));
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    capture.setLevel(Level.ALL);
    for (String name : List.of("", "dev.customersync", "okhttp3", "mockwebserver3")) {
      Logger logger = Logger.getLogger(name);
      logger.setLevel(Level.ALL);
      LOGGERS.add(logger);
    }
    Logger.getLogger("").addHandler(capture);
    // The console handler stays at its own level, so the build output is not flooded.
  }

  private SecretScan() {}

  /** Switches capturing on (class initialisation does it; calling this makes it explicit). */
  static void install() {}

  static void secret(String s) {
    if (s != null && s.length() >= 6) {
      SECRETS.add(s);
    }
  }

  static void secrets(List<String> s) {
    s.forEach(SecretScan::secret);
  }

  /** Learns the credentials and tokens a request carried. */
  static void learnFrom(RecordedRequest r) {
    r.getHeaders().forEach(h -> {
      if (Redactor.isSensitiveHeader(h.getFirst())) {
        String v = h.getSecond();
        secret(v);
        int space = v.indexOf(' ');
        if (space > 0) {
          secret(v.substring(space + 1));
        }
      }
    });
    String ct = r.getHeaders().get("Content-Type");
    if (ct != null && ct.startsWith("application/x-www-form-urlencoded") && r.getBody() != null) {
      for (String pair : r.getBody().utf8().split("&")) {
        int eq = pair.indexOf('=');
        String key = eq < 0 ? pair : pair.substring(0, eq);
        if (Set.of("password", "client_secret", "refresh_token").contains(key)) {
          secret(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
    }
  }

  /** Keeps every text of {@code t} and its causes for the final scan. */
  static void exception(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      TEXTS.add(String.valueOf(c));
      if (c instanceof VendorApiException v) {
        TEXTS.add(v.rawBody());
        TEXTS.add(String.valueOf(v.fieldErrors()));
        TEXTS.add(v.errorCode().orElse("") + " " + v.vendorMessage().orElse(""));
      }
    }
  }

  static void text(String s) {
    TEXTS.add(String.valueOf(s));
  }

  static int sdkLogLines() {
    return SDK_LOG_LINES.size();
  }

  static int textCount() {
    return TEXTS.size();
  }

  /** Fails naming the first text that holds a secret (with the secret masked). */
  static void assertNoSecretLeaked() {
    List<String> leaks = leaks(TEXTS, SECRETS);
    assertThat(leaks).as("texts holding a secret (%d secrets, %d texts scanned)", SECRETS.size(), TEXTS.size())
        .isEmpty();
  }

  /** The texts that hold one of {@code secrets}, each secret masked but for its first 3 characters. */
  static List<String> leaks(Iterable<String> texts, Iterable<String> secrets) {
    List<String> leaks = new ArrayList<>();
    for (String text : texts) {
      for (String s : secrets) {
        if (text.contains(s)) {
          leaks.add(text.replace(s, "<SECRET " + s.substring(0, 3) + "…>"));
        }
      }
    }
    return leaks;
  }

  static int secretCount() {
    return SECRETS.size();
  }
}
