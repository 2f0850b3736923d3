package org.datenraum.surveillance;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.datenraum.core.Problem;
import org.datenraum.core.Result;

/**
 * The epochs of a series as R's {@code surveillance} locates reference values: by index when the
 * series has no dates, else by calendar date with R's {@code seq.Date} arithmetic (a 29 February
 * moved to a year without one becomes 1 March) and, for weekly data, the nearest same weekday.
 * Immutable.
 */
final class EpochCalendar {

  private final int frequency;
  private final List<LocalDate> dates;
  private final Map<LocalDate, Integer> index;

  EpochCalendar(CountSeries series) {
    this.frequency = series.frequency();
    this.dates = series.dates();
    this.index = new HashMap<>();
    for (int i = 0; i < dates.size(); i++) {
      index.putIfAbsent(dates.get(i), i + 1);
    }
  }

  boolean hasDates() {
    return !dates.isEmpty();
  }

  LocalDate date(int epoch) {
    return dates.get(epoch - 1);
  }

  /** Days between the first two epochs (R's {@code diff(vectorOfDates)[1]}). */
  double firstStep() {
    return dates.size() < 2 ? Double.NaN : dates.get(1).toEpochDay() - dates.get(0).toEpochDay();
  }

  /** The 1-based epoch of {@code date}, or 0 when the series has no such epoch. */
  int epochOf(LocalDate date) {
    return index.getOrDefault(date, 0);
  }

  /**
   * farringtonFlexible's reference time points: epoch k and the same epoch 1..b years earlier, as
   * epoch indices in that order.
   */
  Result<int[]> flexibleReferencePoints(int k, int b) {
    int[] points = new int[b + 1];
    for (int i = 0; i <= b; i++) {
      int epoch = hasDates() ? epochOf(sameEpochYearsBefore(date(k), i)) : k - i * frequency;
      if (epoch < 1) {
        return Result.fail(Problem.invalid("DR-6101", "Some reference time points of epoch " + k
            + " lie before the start of the series: decrease `b` or start the `range` later."));
      }
      points[i] = epoch;
    }
    return Result.ok(points);
  }

  private LocalDate sameEpochYearsBefore(LocalDate day, int years) {
    LocalDate reference = minusYears(day, years);
    if (frequency != 52) {
      return reference;
    }
    int dayToGet = weekday(day);
    LocalDate a = reference.minusDays(weekday(reference) - dayToGet);
    LocalDate b = a.plusDays(a.isAfter(reference) ? -7 : 7);
    long distA = Math.abs(a.toEpochDay() - reference.toEpochDay());
    long distB = Math.abs(b.toEpochDay() - reference.toEpochDay());
    return distA > distB ? b : a;
  }

  /**
   * algo.farrington's reference values: for each of the b previous years the epochs within ±w of
   * the same epoch (indices below 1 or dates outside the series are dropped).
   */
  int[] originalReferenceEpochs(int k, int b, int w) {
    int[] out = new int[b * (2 * w + 1)];
    int count = 0;
    if (!hasDates()) {
      for (int i = b; i >= 1; i--) {
        for (int d = -w; d <= w; d++) {
          int epoch = k - frequency * i + d;
          if (epoch > 0) {
            out[count++] = epoch;
          }
        }
      }
    } else {
      LocalDate t0 = date(k);
      for (int j = 1; j <= b; j++) {
        LocalDate point = minusYears(t0, j);
        for (int d = -w; d <= w; d++) {
          int epoch = epochOf(alignToEpoch(step(point, d), t0));
          if (epoch > 0) {
            out[count++] = epoch;
          }
        }
      }
    }
    return java.util.Arrays.copyOf(out, count);
  }

  private LocalDate step(LocalDate point, int steps) {
    return switch (frequency) {
      case 12 -> plusMonths(point, steps);
      case 52 -> point.plusDays(7L * steps);
      default -> point.plusDays(steps);
    };
  }

  private LocalDate alignToEpoch(LocalDate day, LocalDate t0) {
    if (frequency == 52) {
      int forward = Math.floorMod(weekday(t0) - weekday(day), 7);
      int backward = Math.floorMod(weekday(day) - weekday(t0), 7);
      return day.plusDays(forward < backward ? forward : -backward);
    }
    if (frequency == 12) {
      return day.minusDays(day.getDayOfMonth() - t0.getDayOfMonth());
    }
    return day;
  }

  /** R's %w: 0 = Sunday, ..., 6 = Saturday. */
  private static int weekday(LocalDate day) {
    DayOfWeek dow = day.getDayOfWeek();
    return dow.getValue() % 7;
  }

  /** R's year arithmetic on dates: the day of month is kept and overflows into the next month. */
  static LocalDate minusYears(LocalDate day, int years) {
    return LocalDate.of(day.getYear() - years, day.getMonthValue(), 1)
        .plusDays(day.getDayOfMonth() - 1L);
  }

  static LocalDate plusMonths(LocalDate day, int months) {
    return LocalDate.of(day.getYear(), day.getMonthValue(), 1)
        .plusMonths(months)
        .plusDays(day.getDayOfMonth() - 1L);
  }
}
