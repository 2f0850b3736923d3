package org.datenraum.generator;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;

/**
 * Formats epoch seconds as FHIR dateTime in German local time (Europe/Berlin) without allocating.
 * Immutable and thread-safe.
 */
final class BerlinTime {

  static final int DATE_TIME_LENGTH = 25;
  private static final long[] TRANSITIONS;
  private static final int[] OFFSETS;

  static {
    ZoneRules rules = ZoneId.of("Europe/Berlin").getRules();
    List<Long> at = new ArrayList<>();
    List<Integer> off = new ArrayList<>();
    Instant t = Instant.parse("1900-01-01T00:00:00Z");
    off.add(rules.getOffset(t).getTotalSeconds());
    at.add(Long.MIN_VALUE);
    Instant end = Instant.parse("2200-01-01T00:00:00Z");
    ZoneOffsetTransition next = rules.nextTransition(t);
    while (next != null && next.getInstant().isBefore(end)) {
      at.add(next.getInstant().getEpochSecond());
      off.add(next.getOffsetAfter().getTotalSeconds());
      next = rules.nextTransition(next.getInstant());
    }
    TRANSITIONS = at.stream().mapToLong(Long::longValue).toArray();
    OFFSETS = off.stream().mapToInt(Integer::intValue).toArray();
  }

  private BerlinTime() {}

  static int offsetSeconds(long epochSecond) {
    int lo = 0;
    int hi = TRANSITIONS.length - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (TRANSITIONS[mid] <= epochSecond) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return OFFSETS[lo];
  }

  /** Writes {@code yyyy-MM-ddTHH:mm:ss+hh:mm} (25 chars) at {@code buf[0]}. */
  static void formatDateTime(long epochSecond, char[] buf) {
    int offset = offsetSeconds(epochSecond);
    long local = epochSecond + offset;
    long day = Math.floorDiv(local, 86400L);
    int secOfDay = (int) Math.floorMod(local, 86400L);
    formatDate(day, buf, 0);
    buf[10] = 'T';
    two(buf, 11, secOfDay / 3600);
    buf[13] = ':';
    two(buf, 14, secOfDay / 60 % 60);
    buf[16] = ':';
    two(buf, 17, secOfDay % 60);
    buf[19] = offset < 0 ? '-' : '+';
    int abs = Math.abs(offset);
    two(buf, 20, abs / 3600);
    buf[22] = ':';
    two(buf, 23, abs / 60 % 60);
  }

  /** Writes {@code yyyy-MM-dd} (10 chars) at {@code buf[at]} for a day counted from 1970-01-01. */
  static void formatDate(long epochDay, char[] buf, int at) {
    long z = epochDay + 719468;
    long era = Math.floorDiv(z, 146097);
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    int d = (int) (doy - (153 * mp + 2) / 5 + 1);
    int m = (int) (mp < 10 ? mp + 3 : mp - 9);
    long y = yoe + era * 400 + (m <= 2 ? 1 : 0);
    int year = (int) y;
    buf[at] = (char) ('0' + year / 1000 % 10);
    buf[at + 1] = (char) ('0' + year / 100 % 10);
    buf[at + 2] = (char) ('0' + year / 10 % 10);
    buf[at + 3] = (char) ('0' + year % 10);
    buf[at + 4] = '-';
    two(buf, at + 5, m);
    buf[at + 7] = '-';
    two(buf, at + 8, d);
  }

  /** The local (Berlin) day of an instant, counted from 1970-01-01. */
  static long localDay(long epochSecond) {
    return Math.floorDiv(epochSecond + offsetSeconds(epochSecond), 86400L);
  }

  /** The epoch second of a local (Berlin) day and second of that day. */
  static long atLocal(long epochDay, int secondOfDay) {
    long guess = epochDay * 86400L + secondOfDay;
    return guess - offsetSeconds(guess - 3600);
  }

  private static void two(char[] buf, int at, int v) {
    buf[at] = (char) ('0' + v / 10);
    buf[at + 1] = (char) ('0' + v % 10);
  }
}
