package org.datenraum.registry.icu;

import java.time.Instant;

/**
 * The hourly grid of a stay: hour {@code i} is {@code [start + i h, start + (i + 1) h)}, from the
 * admission to the hour that holds the discharge (at least one hour). Times are whole seconds;
 * a period's end is exclusive. Immutable.
 */
public record HourGrid(long start, int hours) {

  public static final long HOUR = 3600;

  public HourGrid {
    if (hours < 1) {
      throw new IllegalArgumentException("a grid has at least one hour, got " + hours);
    }
  }

  /** The grid of a stay. */
  public static HourGrid of(IcuStay stay) {
    long s = stay.start().getEpochSecond();
    long e = stay.end().getEpochSecond();
    return new HourGrid(s, (int) Math.max(1, Math.min(Integer.MAX_VALUE, (e - s + HOUR - 1) / HOUR)));
  }

  /** The hour a point in time falls in, or -1 outside the grid. */
  public int index(long second) {
    if (second < start) {
      return -1;
    }
    long i = (second - start) / HOUR;
    return i < hours ? (int) i : -1;
  }

  /** The hour a point in time falls in, or -1 outside the grid. */
  public int index(Instant t) {
    return index(t.getEpochSecond());
  }

  /** The first hour that {@code [from, to)} overlaps (from clipped to the grid), -1 if none. */
  public int first(long from, long to) {
    long a = Math.max(from, start);
    long b = Math.min(to, end());
    if (b <= a && !(from == to && index(from) >= 0)) {
      return -1;
    }
    return (int) ((a - start) / HOUR);
  }

  /** The last hour that {@code [from, to)} overlaps; a point ({@code from == to}) its own hour. */
  public int last(long from, long to) {
    if (from == to) {
      return index(from);
    }
    long b = Math.min(to, end());
    return (int) ((b - start + HOUR - 1) / HOUR) - 1;
  }

  /** The start of an hour, in epoch seconds. */
  public long hourStart(int i) {
    return start + i * HOUR;
  }

  /** The end of the grid (exclusive), in epoch seconds. */
  public long end() {
    return start + hours * HOUR;
  }
}
