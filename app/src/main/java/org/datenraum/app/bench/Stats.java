package org.datenraum.app.bench;

/** Percentiles of benchmark timings. */
final class Stats {

  private Stats() {}

  /** The nearest-rank percentile {@code p} (0 to 1) of ascending values. */
  static double percentile(double[] sorted, double p) {
    if (sorted.length == 0) {
      throw new IllegalArgumentException("no values to take a percentile of");
    }
    return sorted[Math.max(0, (int) Math.ceil(p * sorted.length) - 1)];
  }
}
