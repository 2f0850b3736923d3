package org.datenraum.registry.emergency;

import static java.util.Objects.requireNonNull;

/**
 * A time figure in minutes under AKTIN's rules: negative times and times over 24 hours are missing
 * values, times over the figure's limit are left out of the statistics. Immutable.
 *
 * @param bins        the distribution of the times kept
 * @param summary     their statistics
 * @param withinTarget how many kept times are within the target (triage: 10 minutes), or -1
 */
public record TimeFigure(Table bins, Summary summary, long withinTarget) {

  public TimeFigure {
    requireNonNull(bins, "bins");
    requireNonNull(summary, "summary");
  }

  /** Count, mean, median, quartiles, minimum and maximum of whole minutes (NaN and 0 when there are none). */
  public record Summary(long n, double mean, double median, double q1, double q3, long max) {}

  /** The share of kept times within the target, or NaN. */
  public double targetShare() {
    return summary.n() == 0 ? Double.NaN : (double) withinTarget / summary.n();
  }
}
