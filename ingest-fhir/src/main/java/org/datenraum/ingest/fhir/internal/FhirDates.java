package org.datenraum.ingest.fhir.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/**
 * FHIR {@code date}, {@code dateTime} and {@code instant} values as instants. A partial date
 * stands for its whole span: the start is its first instant, the end its last. Dates without a
 * time zone are read as UTC. Times may leave out seconds; fractions have up to nine digits; a
 * zone is {@code Z} or {@code ±hh:mm}. Read by hand rather than with {@code java.time}'s
 * formatters: ingest reads millions of these, and the formatters cost more than the rest of a
 * resource's facts.
 */
public final class FhirDates {

  private static final long DAY_SECONDS = 86_400;

  private FhirDates() {}

  /** First instant of the value, or throws {@link DateTimeParseException}. */
  public static Instant start(String value) {
    return parse(value).start();
  }

  /** Last instant of the value (inclusive), or throws {@link DateTimeParseException}. */
  public static Instant end(String value) {
    return parse(value).end();
  }

  /** Year and month of a date, or throws {@link DateTimeParseException}; null for a bare year. */
  public static YearMonth yearMonth(String value) {
    Parsed p = parse(value);
    return p.month == 0 ? null : YearMonth.of(p.year, p.month);
  }

  /** First and last instant of the value, or throws {@link DateTimeParseException}. */
  static TimeSpan span(String value) {
    Parsed p = parse(value);
    Instant start = p.start();
    return new TimeSpan(start, p.time ? start : p.end());
  }

  /** A value read: the date, and for a dateTime with time the UTC instant in seconds and nanos. */
  private record Parsed(int year, int month, int day, boolean time, long epochSecond, int nanos) {

    Instant start() {
      if (time) {
        return Instant.ofEpochSecond(epochSecond, nanos);
      }
      return Instant.ofEpochSecond(firstDay().toEpochDay() * DAY_SECONDS);
    }

    Instant end() {
      if (time) {
        return start();
      }
      LocalDate first = firstDay();
      LocalDate next = month == 0 ? first.plusYears(1)
          : day == 0 ? first.plusMonths(1) : first.plusDays(1);
      return Instant.ofEpochSecond(next.toEpochDay() * DAY_SECONDS).minusMillis(1);
    }

    /** The first day the (partial) date covers. */
    private LocalDate firstDay() {
      return LocalDate.of(year, month == 0 ? 1 : month, day == 0 ? 1 : day);
    }
  }

  private static Parsed parse(String v) {
    int n = v.length();
    if (n != 4 && n != 7 && n != 10 && !(n > 10 && v.charAt(10) == 'T')) {
      throw bad(v, 0, "not a FHIR date or dateTime");
    }
    int year = digits(v, 0, 4);
    if (n == 4) {
      return new Parsed(year, 0, 0, false, 0, 0);
    }
    expect(v, 4, '-');
    int month = digits(v, 5, 2);
    if (month < 1 || month > 12) {
      throw bad(v, 5, "month out of range");
    }
    if (n == 7) {
      return new Parsed(year, month, 0, false, 0, 0);
    }
    expect(v, 7, '-');
    int day = digits(v, 8, 2);
    long epochDay;
    try {
      epochDay = LocalDate.of(year, month, day).toEpochDay();
    } catch (DateTimeException e) {
      throw bad(v, 8, "no such day");
    }
    if (n == 10) {
      return new Parsed(year, month, day, false, 0, 0);
    }
    return time(v, year, month, day, epochDay);
  }

  private static Parsed time(String v, int year, int month, int day, long epochDay) {
    int n = v.length();
    int hour = digits(v, 11, 2);
    expect(v, 13, ':');
    int minute = digits(v, 14, 2);
    int i = 16;
    int second = 0;
    int nanos = 0;
    if (i < n && v.charAt(i) == ':') {
      second = digits(v, i + 1, 2);
      i += 3;
      if (i < n && v.charAt(i) == '.') {
        int from = ++i;
        while (i < n && i - from < 9 && isDigit(v.charAt(i))) {
          nanos = nanos * 10 + (v.charAt(i++) - '0');
        }
        if (i == from) {
          throw bad(v, i, "fraction of a second without digits");
        }
        for (int k = i - from; k < 9; k++) {
          nanos *= 10;
        }
      }
    }
    if (hour > 23 || minute > 59 || second > 59) {
      throw bad(v, 11, "time out of range");
    }
    int offset = 0;
    if (i < n) {
      offset = offset(v, i);
    }
    long seconds = epochDay * DAY_SECONDS + hour * 3600L + minute * 60L + second - offset;
    return new Parsed(year, month, day, true, seconds, nanos);
  }

  private static int offset(String v, int i) {
    char sign = v.charAt(i);
    if (sign == 'Z' && i == v.length() - 1) {
      return 0;
    }
    if ((sign != '+' && sign != '-') || v.length() != i + 6) {
      throw bad(v, i, "time zone is not Z or +hh:mm");
    }
    int hours = digits(v, i + 1, 2);
    expect(v, i + 3, ':');
    int minutes = digits(v, i + 4, 2);
    if (hours > 18 || minutes > 59) {
      throw bad(v, i, "time zone out of range");
    }
    int seconds = hours * 3600 + minutes * 60;
    return sign == '-' ? -seconds : seconds;
  }

  private static int digits(String v, int from, int count) {
    if (v.length() < from + count) {
      throw bad(v, from, "value ends early");
    }
    int out = 0;
    for (int i = from; i < from + count; i++) {
      char c = v.charAt(i);
      if (!isDigit(c)) {
        throw bad(v, i, "digit expected");
      }
      out = out * 10 + (c - '0');
    }
    return out;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static void expect(String v, int i, char c) {
    if (i >= v.length() || v.charAt(i) != c) {
      throw bad(v, i, "'" + c + "' expected");
    }
  }

  private static DateTimeParseException bad(String v, int index, String why) {
    return new DateTimeParseException(why, v, index);
  }
}
