package org.datenraum.ingest.fhir.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * FHIR {@code date}, {@code dateTime} and {@code instant} values as instants. A partial date
 * stands for its whole span: the start is its first instant, the end its last. Dates without a
 * time zone are read as UTC. Immutable.
 */
public final class FhirDates {

  private FhirDates() {}

  /** First instant of the value, or throws {@link DateTimeParseException}. */
  public static Instant start(String value) {
    return switch (shape(value)) {
      case YEAR -> year(value).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
      case YEAR_MONTH -> YearMonth.parse(value).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
      case DATE -> LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
      case DATE_TIME -> dateTime(value);
    };
  }

  /** Last instant of the value (inclusive), or throws {@link DateTimeParseException}. */
  public static Instant end(String value) {
    return switch (shape(value)) {
      case YEAR -> year(value).plusYears(1).atDay(1).atStartOfDay()
          .toInstant(ZoneOffset.UTC).minusMillis(1);
      case YEAR_MONTH -> YearMonth.parse(value).plusMonths(1).atDay(1).atStartOfDay()
          .toInstant(ZoneOffset.UTC).minusMillis(1);
      case DATE -> LocalDate.parse(value).plusDays(1).atStartOfDay()
          .toInstant(ZoneOffset.UTC).minusMillis(1);
      case DATE_TIME -> dateTime(value);
    };
  }

  /** Year and month of a date, or throws {@link DateTimeParseException}; null for a bare year. */
  public static YearMonth yearMonth(String value) {
    return switch (shape(value)) {
      case YEAR -> null;
      case YEAR_MONTH -> YearMonth.parse(value);
      case DATE -> YearMonth.from(LocalDate.parse(value));
      case DATE_TIME -> YearMonth.from(OffsetDateTime.parse(value));
    };
  }

  private enum Shape { YEAR, YEAR_MONTH, DATE, DATE_TIME }

  private static Shape shape(String v) {
    int n = v.length();
    if (n == 4) {
      return Shape.YEAR;
    }
    if (n == 7) {
      return Shape.YEAR_MONTH;
    }
    if (n == 10) {
      return Shape.DATE;
    }
    if (n > 10 && v.charAt(10) == 'T') {
      return Shape.DATE_TIME;
    }
    throw new DateTimeParseException("not a FHIR date or dateTime", v, 0);
  }

  private static YearMonth year(String v) {
    for (int i = 0; i < 4; i++) {
      if (!Character.isDigit(v.charAt(i))) {
        throw new DateTimeParseException("not a FHIR year", v, i);
      }
    }
    return YearMonth.of(Integer.parseInt(v), 1);
  }

  private static Instant dateTime(String v) {
    char last = v.charAt(v.length() - 1);
    if (last == 'Z' || v.lastIndexOf('+') > 10 || v.lastIndexOf('-') > 10) {
      return OffsetDateTime.parse(v).toInstant();
    }
    return java.time.LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
  }
}
