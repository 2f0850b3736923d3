package org.datenraum.broker.internal;

import java.util.List;
import java.util.regex.Pattern;
import org.datenraum.federation.v1.DailyCounts;
import org.datenraum.federation.v1.DailySeries;
import org.datenraum.federation.v1.Echo;
import org.datenraum.federation.v1.SurveillanceRound;

/**
 * Checks a site's daily counts against the round they answer, as if an attacker wrote them: days
 * within the round's window, age groups of the surveillance definitions, indicators and labels of
 * bounded length, a bounded number of series per upload and a plausible minimum cell size.
 * Stateless.
 */
final class DailyCountsCheck {

  /** The most series one upload may carry (the definitions have a few dozen with their age groups). */
  static final int MAX_SERIES = 500;
  static final int MAX_MINIMUM_CELL = 1000;
  private static final Pattern INDICATOR = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
  private static final int MAX_LABEL = 200;

  private DailyCountsCheck() {}

  /** Throws a 400 problem naming the offending part when the counts do not fit the round. */
  static void check(String id, SurveillanceRound round, DailyCounts counts) {
    if (counts.first().isBefore(round.start()) || counts.last().isAfter(round.through())) {
      throw refused("DR-5421", counts.first().isBefore(round.start()) ? "$.first" : "$.last", "Days `"
          + counts.first() + ".." + counts.last() + "` lie outside round `" + id + "`, which asks for " + round.start()
          + ".." + round.through() + ": send only the round's days.");
    }
    if (counts.minimumCell() > MAX_MINIMUM_CELL) {
      throw refused("DR-5422", "$.minimumCell", "`minimumCell` " + counts.minimumCell() + " must be at most "
          + MAX_MINIMUM_CELL + ".");
    }
    if (counts.series().size() > MAX_SERIES) {
      throw refused("DR-5422", "$.series", "One upload carries at most " + MAX_SERIES + " series, not "
          + counts.series().size() + ": split it.");
    }
    List<DailySeries> series = counts.series();
    for (int i = 0; i < series.size(); i++) {
      series(i, series.get(i));
    }
  }

  private static void series(int i, DailySeries s) {
    String at = "$.series[" + i + "]";
    if (!SurveillanceMerge.AGE_ORDER.contains(s.ageGroup())) {
      throw refused("DR-5422", at + ".ageGroup", "Age group `" + Echo.of(s.ageGroup()) + "` is not one of "
          + SurveillanceMerge.AGE_ORDER + ".");
    }
    if (!INDICATOR.matcher(s.indicator()).matches()) {
      throw refused("DR-5422", at + ".indicator", "Indicator `" + Echo.of(s.indicator()) + "` must be 1 to 64 letters,"
          + " digits or `_.:-`.");
    }
    if (s.label().length() > MAX_LABEL) {
      throw refused("DR-5422", at + ".label", "A label has at most " + MAX_LABEL + " characters, not "
          + s.label().length() + ".");
    }
  }

  private static ApiProblem refused(String code, String field, String detail) {
    return new ApiProblem(400, "Daily counts do not fit the round", code, detail, field, null);
  }
}
