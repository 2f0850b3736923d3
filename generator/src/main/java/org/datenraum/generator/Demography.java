package org.datenraum.generator;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Age and sex of hospital patients: the German population by age group and sex, weighted by
 * the age-specific hospital case rate. Immutable and thread-safe.
 */
final class Demography {

  private final int[] from;
  private final int[] to;
  private final double[] cumulative;
  private final double[] maleShare;
  private final double[] expected;

  Demography() {
    List<String[]> rows = Tsv.rows("age-pyramid.tsv");
    int n = rows.size();
    from = new int[n];
    to = new int[n];
    maleShare = new double[n];
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      String[] r = rows.get(i);
      from[i] = Integer.parseInt(r[0]);
      to[i] = Integer.parseInt(r[1]);
      double male = Double.parseDouble(r[2]);
      double female = Double.parseDouble(r[3]);
      maleShare[i] = male / (male + female);
      w[i] = (male + female) * Double.parseDouble(r[4]);
    }
    cumulative = Draw.cumulative(w);
    double total = cumulative[n - 1];
    expected = new double[n];
    for (int i = 0; i < n; i++) {
      expected[i] = w[i] / total;
    }
  }

  /** Draws an age group; {@link #age} and {@link #male} then fill in the person. */
  int group(SplittableRandom rng) {
    return Draw.index(rng, cumulative);
  }

  int age(SplittableRandom rng, int group) {
    return from[group] + rng.nextInt(to[group] - from[group] + 1);
  }

  boolean male(SplittableRandom rng, int group) {
    return rng.nextDouble() < maleShare[group];
  }

  /** The share of patients expected in each age group, for checks. */
  double[] expectedShares() {
    return expected.clone();
  }

  int[] groupStarts() {
    return from.clone();
  }

  /** The expected share of male patients overall. */
  double expectedMaleShare() {
    double s = 0;
    for (int i = 0; i < expected.length; i++) {
      s += expected[i] * maleShare[i];
    }
    return s;
  }
}
