package dev.parjit.frame.io.csv;

import dev.parjit.frame.io.ColumnType;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Parsing of CSV text values, shared by inference and reading so both accept exactly the same
 * spellings. Each parser throws {@link IllegalArgumentException} on text it does not accept.
 */
final class CsvValues {
  private CsvValues() {}

  private static final Pattern INT = Pattern.compile("[+-]?\\d{1,19}");
  private static final Pattern FLOAT = Pattern.compile(
      "[+-]?(\\d+\\.?\\d*([eE][+-]?\\d+)?|\\.\\d+([eE][+-]?\\d+)?|NaN|Infinity|inf)");
  private static final Pattern DATE_PREFIX = Pattern.compile("\\d{4}-\\d{2}-\\d{2}([T ].*)?");

  static long parseLong(String s) {
    if (!INT.matcher(s).matches()) {
      throw new IllegalArgumentException("not an integer");
    }
    return Long.parseLong(s); // NumberFormatException (an IllegalArgumentException) on overflow
  }

  static double parseDouble(String s) {
    if (!FLOAT.matcher(s).matches()) {
      throw new IllegalArgumentException("not a number");
    }
    String t = s.endsWith("inf") ? s.replace("inf", "Infinity") : s;
    return Double.parseDouble(t);
  }

  static boolean parseBool(String s) {
    if (s.equalsIgnoreCase("true")) {
      return true;
    }
    if (s.equalsIgnoreCase("false")) {
      return false;
    }
    throw new IllegalArgumentException("not true or false");
  }

  /**
   * ISO-8601 date ({@code 2021-03-04}), local date-time ({@code 2021-03-04T05:06:07.123456}, a
   * space instead of {@code T} too) as wall time, or with an offset/{@code Z}, converted to UTC.
   *
   * @return microseconds since the epoch
   */
  static long parseTimestamp(String s) {
    if (!DATE_PREFIX.matcher(s).matches()) {
      throw new IllegalArgumentException("not an ISO-8601 timestamp");
    }
    try {
      if (s.length() == 10) {
        return LocalDate.parse(s).toEpochDay() * 86_400_000_000L;
      }
      String t = s.charAt(10) == ' ' ? s.substring(0, 10) + 'T' + s.substring(11) : s;
      char last = t.charAt(t.length() - 1);
      if (last == 'Z' || t.lastIndexOf('+') > 10 || t.lastIndexOf('-') > 10) {
        OffsetDateTime o = OffsetDateTime.parse(t, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        return micros(o.toEpochSecond(), o.getNano());
      }
      LocalDateTime d = LocalDateTime.parse(t, DateTimeFormatter.ISO_LOCAL_DATE_TIME);
      return micros(d.toEpochSecond(ZoneOffset.UTC), d.getNano());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("not an ISO-8601 timestamp", e);
    }
  }

  private static long micros(long seconds, int nanos) {
    return Math.addExact(Math.multiplyExact(seconds, 1_000_000L), nanos / 1000);
  }

  /** @return whether {@code s} parses as {@code type} */
  static boolean accepts(ColumnType type, String s) {
    try {
      switch (type) {
        case INT64:
          parseLong(s);
          return true;
        case FLOAT64:
          parseDouble(s);
          return true;
        case BOOL:
          parseBool(s);
          return true;
        case TIMESTAMP:
          parseTimestamp(s);
          return true;
        default:
          return true;
      }
    } catch (IllegalArgumentException | ArithmeticException e) {
      return false;
    }
  }
}
