package dev.customersync.core.json;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Reads and writes the dates .NET services put on the wire: the WCF form {@code
 * /Date(1566656122000+0200)/} (milliseconds since the epoch in UTC, then the offset the value was
 * recorded in) and ISO 8601.
 *
 * <p>The WCF offset does not shift the instant: {@code /Date(0+0200)/} is 1970-01-01T02:00+02:00.
 * A WCF value without an offset is read as UTC.
 */
public final class WcfDate {

  private static final String PREFIX = "/Date(";
  private static final String SUFFIX = ")/";
  // Longest millisecond count a long holds (19 digits); longer ones are not WCF dates we can read.
  private static final int MAX_DIGITS = 18;

  private WcfDate() {}

  /**
   * {@return true when {@code text} has the WCF form, even if its offset is out of range}
   *
   * @param text any text
   */
  public static boolean isWcf(String text) {
    try {
      return parseWcf(text.trim()) != null;
    } catch (IllegalArgumentException outOfRange) {
      return true;
    }
  }

  /**
   * Reads a WCF or ISO 8601 date-time. An ISO value without an offset is taken as UTC, a bare date
   * as its start in UTC.
   *
   * @param text {@code /Date(ms±hhmm)/}, {@code /Date(ms)/} or ISO 8601
   * @return the date-time, with the offset the text gave (UTC when it gave none)
   * @throws IllegalArgumentException when the text is neither form, or a WCF offset is beyond ±18:00
   */
  public static OffsetDateTime parse(String text) {
    String s = text.trim();
    OffsetDateTime wcf = parseWcf(s);
    if (wcf != null) {
      return wcf;
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

  /**
   * Writes {@code /Date(ms±hhmm)/}; sub-millisecond precision is dropped.
   *
   * @param value the date-time; its offset becomes {@code ±hhmm}
   * @return the WCF text
   */
  public static String format(OffsetDateTime value) {
    long millis = value.toInstant().truncatedTo(ChronoUnit.MILLIS).toEpochMilli();
    int total = value.getOffset().getTotalSeconds();
    int abs = Math.abs(total);
    int hours = abs / 3600;
    int minutes = (abs % 3600) / 60;
    // Every date on every Storm and BokaMera write goes through here; String.format was a visible
    // share of a whole update in the B1 profile.
    return new StringBuilder(32).append(PREFIX).append(millis).append(total < 0 ? '-' : '+')
        .append((char) ('0' + hours / 10)).append((char) ('0' + hours % 10))
        .append((char) ('0' + minutes / 10)).append((char) ('0' + minutes % 10))
        .append(SUFFIX).toString();
  }

  /**
   * {@code /Date(ms)/} or {@code /Date(ms±hhmm)/}, or null when {@code s} is not that form. Parsed
   * by hand rather than with a regex: every date in every BokaMera and Storm answer comes through.
   */
  private static OffsetDateTime parseWcf(String s) {
    int end = s.length() - SUFFIX.length();
    if (!s.startsWith(PREFIX) || end <= PREFIX.length() || !s.startsWith(SUFFIX, end)) {
      return null;
    }
    int i = PREFIX.length();
    boolean negative = s.charAt(i) == '-';
    if (negative) {
      i++;
    }
    int digitsStart = i;
    long millis = 0;
    while (i < end && isDigit(s.charAt(i))) {
      millis = millis * 10 + (s.charAt(i) - '0');
      i++;
    }
    int digits = i - digitsStart;
    if (digits == 0 || digits > MAX_DIGITS) {
      return null;
    }
    ZoneOffset offset = ZoneOffset.UTC;
    if (i < end) {
      char sign = s.charAt(i);
      if ((sign != '+' && sign != '-') || end - i != 5) {
        return null;
      }
      for (int k = i + 1; k < end; k++) {
        if (!isDigit(s.charAt(k))) {
          return null;
        }
      }
      int hours = (s.charAt(i + 1) - '0') * 10 + (s.charAt(i + 2) - '0');
      int minutes = (s.charAt(i + 3) - '0') * 10 + (s.charAt(i + 4) - '0');
      // Checked before ZoneOffset sees it: its DateTimeException slips past the date deserializer,
      // which handles only IllegalArgumentException, and names neither the offset nor the rule.
      if (hours > 18 || minutes > 59 || hours == 18 && minutes > 0) {
        throw new IllegalArgumentException("WCF date offset " + s.substring(i, end)
            + " is out of range (hours 0-18, minutes 0-59), at most ±1800: \"" + s + "\"");
      }
      int direction = sign == '-' ? -1 : 1;
      offset = ZoneOffset.ofHoursMinutes(direction * hours, direction * minutes);
    }
    return Instant.ofEpochMilli(negative ? -millis : millis).atOffset(offset);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
