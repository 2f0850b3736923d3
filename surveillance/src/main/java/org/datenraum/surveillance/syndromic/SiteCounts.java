package org.datenraum.surveillance.syndromic;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The daily counts of one site: every day of the period × indicator × age group (the five bands
 * and all ages), with zero days present. Exact counts: they stay at the site; what may leave it
 * is {@link #release}. Immutable and thread-safe.
 */
public final class SiteCounts {

  private final String site;
  private final LocalDate first;
  private final LocalDate last;
  private final List<Indicator> indicators;
  private final int[][][] counts;
  private final int[][][] denominators;

  SiteCounts(String site, LocalDate first, LocalDate last, List<Indicator> indicators,
      int[][][] counts, int[][][] denominators) {
    this.site = requireNonNull(site, "site");
    this.first = requireNonNull(first, "first");
    this.last = requireNonNull(last, "last");
    this.indicators = List.copyOf(indicators);
    this.counts = counts;
    this.denominators = denominators;
  }

  /**
   * Counts assembled elsewhere, for example the lower bounds of a network's merged series:
   * arrays indexed [indicator][age group ordinal][day], one day per day of [first, last]; copied.
   */
  public static SiteCounts of(String site, LocalDate first, LocalDate last, List<Indicator> indicators,
      int[][][] counts, int[][][] denominators) {
    int days = (int) ChronoUnit.DAYS.between(first, last) + 1;
    if (days < 1 || indicators.isEmpty()) {
      throw new IllegalArgumentException("counts need at least one day and one indicator: " + first + ".." + last);
    }
    return new SiteCounts(site, first, last, indicators, copy(counts, indicators.size(), days),
        copy(denominators, indicators.size(), days));
  }

  private static int[][][] copy(int[][][] values, int indicators, int days) {
    int groups = AgeGroup.values().length;
    if (values.length != indicators) {
      throw new IllegalArgumentException("expected " + indicators + " indicators, got " + values.length);
    }
    int[][][] out = new int[indicators][groups][];
    for (int i = 0; i < indicators; i++) {
      for (int g = 0; g < groups; g++) {
        if (values[i].length != groups || values[i][g].length != days) {
          throw new IllegalArgumentException("expected " + groups + " age groups of " + days + " days");
        }
        out[i][g] = values[i][g].clone();
      }
    }
    return out;
  }

  public String site() {
    return site;
  }

  /** First day of the period. */
  public LocalDate first() {
    return first;
  }

  /** Last day of the period (inclusive). */
  public LocalDate last() {
    return last;
  }

  /** Number of days in the period. */
  public int days() {
    return (int) ChronoUnit.DAYS.between(first, last) + 1;
  }

  public List<Indicator> indicators() {
    return indicators;
  }

  /** The daily counts of one series, day 0 = {@link #first()}. */
  public int[] counts(Indicator indicator, AgeGroup group) {
    return counts[index(indicator)][group.ordinal()].clone();
  }

  /** The daily denominators of one series. */
  public int[] denominators(Indicator indicator, AgeGroup group) {
    return denominators[index(indicator)][group.ordinal()].clone();
  }

  /** The indicator with this id, or null. */
  public Indicator indicator(String id) {
    return indicators.stream().filter(i -> i.id().equals(id)).findFirst().orElse(null);
  }

  /** Every cell, ordered by day, indicator, age group. */
  public List<CountCell> cells() {
    List<CountCell> out = new ArrayList<>(days() * indicators.size() * AgeGroup.values().length);
    for (int d = 0; d < days(); d++) {
      LocalDate day = first.plusDays(d);
      for (int i = 0; i < indicators.size(); i++) {
        for (AgeGroup g : AgeGroup.values()) {
          out.add(new CountCell(day, indicators.get(i), g, counts[i][g.ordinal()][d],
              denominators[i][g.ordinal()][d]));
        }
      }
    }
    return out;
  }

  /** The counts as they may leave the site: small cells suppressed by {@code rule}. */
  public ReleasedCounts release(MinimumCellSize rule) {
    return rule.apply(this);
  }

  private int index(Indicator indicator) {
    int i = indicators.indexOf(indicator);
    if (i < 0) {
      throw new IllegalArgumentException("no series for " + indicator.id());
    }
    return i;
  }

  @Override
  public String toString() {
    return "SiteCounts[" + site + ", " + first + ".." + last + ", " + indicators.size()
        + " indicators]";
  }
}
