package org.datenraum.generator;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * When patients arrive: emergency arrivals by season, weekday and hour; elective admissions on
 * working-day mornings; outbreak cases within their window. Immutable and thread-safe.
 */
final class ArrivalCalendar {

  private final long firstDay;
  private final int days;
  private final Map<String, double[]> edDays = new HashMap<>();
  private final double[] electiveDays;
  private final double[] hours;

  ArrivalCalendar(Vocabulary vocab, LocalDate start, LocalDate end) {
    this.firstDay = start.toEpochDay();
    this.days = (int) (end.toEpochDay() - firstDay);
    for (Map.Entry<String, double[]> season : vocab.seasons.entrySet()) {
      double[] w = new double[days];
      for (int d = 0; d < days; d++) {
        LocalDate date = LocalDate.ofEpochDay(firstDay + d);
        w[d] = monthly(season.getValue(), date)
            * vocab.edWeekdayWeights[date.getDayOfWeek().getValue() - 1];
      }
      edDays.put(season.getKey(), Draw.cumulative(w));
    }
    double[] e = new double[days];
    for (int d = 0; d < days; d++) {
      DayOfWeek dow = LocalDate.ofEpochDay(firstDay + d).getDayOfWeek();
      e[d] = dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY ? 0.02 : 1;
    }
    this.electiveDays = Draw.cumulative(e);
    this.hours = Draw.cumulative(vocab.edHourWeights);
  }

  /** Season weights interpolated linearly between mid-months, so waves rise and fall smoothly. */
  private static double monthly(double[] months, LocalDate date) {
    double pos = date.getMonthValue() - 1 + (date.getDayOfMonth() - 15.0) / date.lengthOfMonth();
    int lo = (int) Math.floor(pos);
    double frac = pos - lo;
    return months[Math.floorMod(lo, 12)] * (1 - frac) + months[Math.floorMod(lo + 1, 12)] * frac;
  }

  long emergencyArrival(SplittableRandom rng, String season) {
    double[] cum = edDays.getOrDefault(season, edDays.get("NONE"));
    return atHour(rng, firstDay + Draw.index(rng, cum));
  }

  long electiveAdmission(SplittableRandom rng) {
    long day = firstDay + Draw.index(rng, electiveDays);
    return BerlinTime.atLocal(day, 7 * 3600 + rng.nextInt(3 * 3600));
  }

  long outbreakArrival(SplittableRandom rng, OutbreakSpec spec) {
    return atHour(rng, spec.start().toEpochDay() + rng.nextInt(spec.days()));
  }

  long start() {
    return BerlinTime.atLocal(firstDay, 0);
  }

  long end() {
    return BerlinTime.atLocal(firstDay + days, 0);
  }

  private long atHour(SplittableRandom rng, long day) {
    int hour = Draw.index(rng, hours);
    return BerlinTime.atLocal(day, hour * 3600 + rng.nextInt(3600));
  }
}
