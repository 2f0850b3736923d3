package org.datenraum.query.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A half-open interval {@code [from, until)} of instants; either end may be null (unbounded).
 * A fact's time {@code [start, end]} must overlap it. Immutable.
 */
public record TimeWindow(Instant from, Instant until) {

  public static final TimeWindow ALWAYS = new TimeWindow(null, null);

  public TimeWindow {
    if (from != null && until != null && !from.isBefore(until)) {
      throw new IllegalArgumentException("empty time window");
    }
  }

  /** The window from the start of {@code after} to the end of {@code before} (inclusive days) in the zone. */
  public static TimeWindow ofDates(LocalDate after, LocalDate before, ZoneId zone) {
    return new TimeWindow(
        after == null ? null : after.atStartOfDay(zone).toInstant(),
        before == null ? null : before.plusDays(1).atStartOfDay(zone).toInstant());
  }

  public boolean isAlways() {
    return from == null && until == null;
  }

  /**
   * Whether the span {@code [start, end]} overlaps this window. A missing end means a point in
   * time; a missing start matches only the unbounded window.
   */
  public boolean overlaps(Instant start, Instant end) {
    if (isAlways()) {
      return true;
    }
    if (start == null) {
      return false;
    }
    Instant last = end == null || end.isBefore(start) ? start : end;
    return (until == null || start.isBefore(until)) && (from == null || !last.isBefore(from));
  }
}
