package org.datenraum.registry.icu;

import java.util.Arrays;

/**
 * The catecholamine rates of a stay per hour, in µg/kg/min: for each drug the highest rate of
 * its administrations overlapping the hour (NaN: none). A rate given as mass per time is divided
 * by the weight (the latest before the administration's first hour, else the stay's first); a
 * rate that converts to neither counts as unusable. Immutable after construction.
 */
final class Infusions {

  private final double[][] rates;
  private final int unusable;

  private Infusions(double[][] rates, int unusable) {
    this.rates = rates;
    this.unusable = unusable;
  }

  static Infusions of(StaySamples s) {
    int hours = s.grid.hours();
    double[][] rates = new double[Vasopressor.values().length][hours];
    for (double[] r : rates) {
      Arrays.fill(r, Double.NaN);
    }
    int unusable = 0;
    for (StaySamples.Span<Vasopressor> i : s.infusions) {
      int first = s.grid.first(i.from(), i.to());
      int last = s.grid.last(i.from(), i.to());
      double rate = Quantities.rate(i.fact().value(), s.personal(Measure.WEIGHT, first));
      if (Double.isNaN(rate)) {
        unusable++;
        continue;
      }
      double[] r = rates[i.what().ordinal()];
      for (int h = first; h <= last; h++) {
        if (Double.isNaN(r[h]) || rate > r[h]) {
          r[h] = rate;
        }
      }
    }
    return new Infusions(rates, unusable);
  }

  /** The drug's rate in the hour, NaN when none was given. */
  double rate(Vasopressor drug, int hour) {
    return rates[drug.ordinal()][hour];
  }

  /** The norepinephrine equivalent of the hour (µg/kg/min), 0 when no catecholamine ran. */
  double norepinephrineEquivalent(int hour) {
    double sum = 0;
    for (Vasopressor v : Vasopressor.values()) {
      double r = rates[v.ordinal()][hour];
      if (!Double.isNaN(r)) {
        sum += r * v.equivalent();
      }
    }
    return sum;
  }

  /** Whether any catecholamine ran in the hour. */
  boolean any(int hour) {
    for (double[] r : rates) {
      if (!Double.isNaN(r[hour])) {
        return true;
      }
    }
    return false;
  }

  /** Administrations whose rate did not convert to µg/kg/min. */
  int unusable() {
    return unusable;
  }
}
