package org.datenraum.surveillance;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;

/**
 * A count time series as the R package {@code surveillance} sees it: observed counts per epoch
 * (NaN = missing), a population per epoch, the number of epochs per year, and optionally the date
 * of every epoch ({@code epochAsDate}); without dates, epochs are numbered 1..n. Immutable.
 *
 * @param name series label (for example site, syndrome and age group)
 * @param frequency epochs per year: 52 (weeks), 12 (months) or 365 (days)
 * @param observed counts per epoch; NaN marks a missing count
 * @param population population per epoch (all 1 when unknown)
 * @param dates date of every epoch, or empty when epochs are plain indices
 */
public record CountSeries(
    String name, int frequency, double[] observed, double[] population, List<LocalDate> dates) {

  public CountSeries {
    requireNonNull(name, "name");
    requireNonNull(observed, "observed");
    requireNonNull(population, "population");
    requireNonNull(dates, "dates");
    if (frequency < 1) {
      throw new IllegalArgumentException("frequency must be positive: " + frequency);
    }
    if (population.length != observed.length) {
      throw new IllegalArgumentException("population and observed differ in length");
    }
    if (!dates.isEmpty() && dates.size() != observed.length) {
      throw new IllegalArgumentException("dates and observed differ in length");
    }
    for (double count : observed) {
      if (count < 0) {
        throw new IllegalArgumentException("counts must not be negative: " + count);
      }
    }
    observed = observed.clone();
    population = population.clone();
    dates = List.copyOf(dates);
  }

  /** A series without dates and with population 1. */
  public static CountSeries of(String name, int frequency, double... observed) {
    double[] population = new double[observed.length];
    java.util.Arrays.fill(population, 1);
    return new CountSeries(name, frequency, observed, population, List.of());
  }

  /** Number of epochs. */
  public int length() {
    return observed.length;
  }

  /** Whether epochs carry dates (R's {@code epochAsDate}). */
  public boolean hasDates() {
    return !dates.isEmpty();
  }

  /** The count of 1-based epoch {@code epoch}; NaN when missing. */
  public double observedAt(int epoch) {
    return observed[epoch - 1];
  }

  @Override
  public double[] observed() {
    return observed.clone();
  }

  @Override
  public double[] population() {
    return population.clone();
  }

  @Override
  public String toString() {
    return "CountSeries[" + name + ", " + observed.length + " epochs]";
  }
}
