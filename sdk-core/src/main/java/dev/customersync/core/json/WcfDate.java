package dev.customersync.core.json;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes the dates .NET services put on the wire: the WCF form {@code
 * /Date(1566656122000+0200)/} (milliseconds since the epoch in UTC, then the offset the value was
 * recorded in) and ISO 8601.
 *
 * <p>The WCF offset does not shift the instant: {@code /Date(0+0200)/} is 1970-01-01T02:00+02:00.
 * A WCF value without an offset is read as UTC.
 */
public final class WcfDate {

  private static final Pattern WCF = Pattern.compile("^/Date\\((-?\\d+)(?:([+-])(\\d{2})(\\d{2}))?\\)/$");

  private WcfDate() {}

  /** True when {@code text} has the WCF form. */
  public static boolean isWcf(String text) {
    return WCF.matcher(text.trim()).matches();
  }

  /**
   * Reads a WCF or ISO 8601 date-time. An ISO value without an offset is taken as UTC, a bare date
   * as its start in UTC.
   *
   * @throws IllegalArgumentException when the text is neither form
   */
  public static OffsetDateTime parse(String text) {
    String s = text.trim();
    Matcher m = WCF.matcher(s);
    if (m.matches()) {
      long millis = Long.parseLong(m.group(1));
      ZoneOffset offset = ZoneOffset.UTC;
      if (m.group(2) != null) {
        int hours = Integer.parseInt(m.group(3));
        int minutes = Integer.parseInt(m.group(4));
        int sign = m.group(2).equals("-") ? -1 : 1;
        offset = ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
      }
      return Instant.ofEpochMilli(millis).atOffset(offset);
    }
    try {
      return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    } catch (DateTimeParseException notOffset) {
      try {
        return LocalDateTime.parse(s, DateTimeFormatter.ISO_LOCAL_DATE_TIME).atOffset(ZoneOffset.UTC);
      } catch (DateTimeParseException notLocal) {
        try {
          return java.time.LocalDate.parse(s).atStartOfDay().atOffset(ZoneOffset.UTC);
        } catch (DateTimeParseException notDate) {
          throw new IllegalArgumentException("not an ISO 8601 or /Date(ms±hhmm)/ date-time: \"" + text + "\"");
        }
      }
    }
  }

  /** Writes {@code /Date(ms±hhmm)/}; sub-millisecond precision is dropped. */
  public static String format(OffsetDateTime value) {
    long millis = value.toInstant().truncatedTo(ChronoUnit.MILLIS).toEpochMilli();
    int total = value.getOffset().getTotalSeconds();
    char sign = total < 0 ? '-' : '+';
    int abs = Math.abs(total);
    return String.format("/Date(%d%c%02d%02d)/", millis, sign, abs / 3600, (abs % 3600) / 60);
  }
}
