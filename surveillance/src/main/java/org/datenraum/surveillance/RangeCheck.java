package org.datenraum.surveillance;

import org.datenraum.core.Problem;
import org.datenraum.core.Result;

/** Validation shared by the detectors. */
final class RangeCheck {

  private RangeCheck() {}

  static Result<EpochRange> within(EpochRange range, CountSeries series, String method) {
    if (range.to() > series.length()) {
      return Result.fail(Problem.invalid("DR-6103", "The range `" + range.from() + ":"
          + range.to() + "` of " + method + " ends after the last epoch " + series.length()
          + " of series `" + series.name() + "`: give a range within 1:" + series.length() + "."));
    }
    return Result.ok(range);
  }

  /** A range starting at {@code from}, or a problem if the series is too short for it. */
  static Result<EpochRange> fromDefault(int from, CountSeries series, String method,
      String remedy) {
    if (from < 1 || from > series.length()) {
      return Result.fail(Problem.invalid("DR-6104", "Series `" + series.name() + "` has "
          + series.length() + " epochs, too few for the default range of " + method
          + " (which starts at epoch " + from + "): " + remedy + "."));
    }
    return Result.ok(new EpochRange(from, series.length()));
  }

  static Result<CountSeries> datesSupported(CountSeries series) {
    int f = series.frequency();
    if (series.hasDates() && f != 52 && f != 12 && f != 365) {
      return Result.fail(Problem.unsupported("DR-6105", "Series `" + series.name()
          + "` has dates and frequency " + f + ", but dated series need frequency 52, 12 or 365:"
          + " drop the dates or aggregate to weeks, months or days."));
    }
    return Result.ok(series);
  }
}
