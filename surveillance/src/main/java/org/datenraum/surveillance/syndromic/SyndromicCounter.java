package org.datenraum.surveillance.syndromic;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Counts ED visits by syndrome and microbiology findings by pathogen, per day and age group.
 * Immutable and thread-safe.
 *
 * <p>A patient's positive results for one pathogen count once per episode: a finding counts on
 * its day when the patient had no counted finding of that pathogen in the {@value #EPISODE_DAYS}
 * days before (repeated screening swabs of one carrier are one finding). The denominator of a
 * pathogen is the number of patients tested for it that day.
 */
public final class SyndromicCounter {

  /** Days after a counted finding in which the same patient's findings are not counted again. */
  public static final int EPISODE_DAYS = 14;

  private final List<SyndromeDefinition> syndromes;
  private final List<PathogenDefinition> pathogens;

  private SyndromicCounter(List<SyndromeDefinition> syndromes,
      List<PathogenDefinition> pathogens) {
    this.syndromes = List.copyOf(syndromes);
    this.pathogens = List.copyOf(pathogens);
  }

  public static SyndromicCounter of(List<SyndromeDefinition> syndromes,
      List<PathogenDefinition> pathogens) {
    return new SyndromicCounter(syndromes, pathogens);
  }

  /** The built-in definitions. */
  public static SyndromicCounter builtIn() {
    return of(SyndromeDefinitions.builtIn(), PathogenDefinitions.builtIn());
  }

  /** Counts the visits and results that fall within [first, last]; others are ignored. */
  public SiteCounts count(String site, LocalDate first, LocalDate last, List<EdVisit> visits,
      List<LabResult> results) {
    if (last.isBefore(first)) {
      throw new IllegalArgumentException("period ends before it starts: " + first + ".." + last);
    }
    int days = (int) ChronoUnit.DAYS.between(first, last) + 1;
    List<Indicator> indicators = new ArrayList<>();
    syndromes.forEach(s -> indicators.add(Indicator.of(s)));
    pathogens.forEach(p -> indicators.add(Indicator.of(p)));
    int groups = AgeGroup.values().length;
    int[][][] counts = new int[indicators.size()][groups][days];
    int[][][] denominators = new int[indicators.size()][groups][days];
    countVisits(first, days, visits, counts, denominators);
    countFindings(first, days, results, counts, denominators);
    return new SiteCounts(site, first, last, indicators, counts, denominators);
  }

  private void countVisits(LocalDate first, int days, List<EdVisit> visits, int[][][] counts,
      int[][][] denominators) {
    List<Predicate<EdVisit>> matchers = syndromes.stream().map(SyndromeDefinition::matcher)
        .toList();
    for (EdVisit v : visits) {
      int d = (int) ChronoUnit.DAYS.between(first, v.day());
      if (d < 0 || d >= days) {
        continue;
      }
      AgeGroup band = v.band();
      for (int i = 0; i < matchers.size(); i++) {
        boolean hit = matchers.get(i).test(v);
        add(denominators[i], band, d, 1);
        add(counts[i], band, d, hit ? 1 : 0);
      }
    }
  }

  private void countFindings(LocalDate first, int days, List<LabResult> results,
      int[][][] counts, int[][][] denominators) {
    List<LabResult> ordered = new ArrayList<>(results);
    ordered.sort(java.util.Comparator.comparing(LabResult::day));
    for (int p = 0; p < pathogens.size(); p++) {
      PathogenDefinition pathogen = pathogens.get(p);
      int i = syndromes.size() + p;
      Map<Integer, LocalDate> lastCounted = new HashMap<>();
      Set<String> testedPatientDays = new HashSet<>();
      for (LabResult r : ordered) {
        if (!pathogen.tests(r)) {
          continue;
        }
        int d = (int) ChronoUnit.DAYS.between(first, r.day());
        boolean inPeriod = d >= 0 && d < days;
        if (inPeriod && testedPatientDays.add(r.patient() + "@" + d)) {
          add(denominators[i], r.band(), d, 1);
        }
        if (pathogen.detects(r) && newEpisode(lastCounted, r)) {
          lastCounted.put(r.patient(), r.day());
          if (inPeriod) {
            add(counts[i], r.band(), d, 1);
          }
        }
      }
    }
  }

  private static boolean newEpisode(Map<Integer, LocalDate> lastCounted, LabResult r) {
    LocalDate before = lastCounted.get(r.patient());
    return before == null || ChronoUnit.DAYS.between(before, r.day()) >= EPISODE_DAYS;
  }

  private static void add(int[][] byGroup, AgeGroup band, int day, int n) {
    byGroup[AgeGroup.ALL.ordinal()][day] += n;
    if (band != null) {
      byGroup[band.ordinal()][day] += n;
    }
  }
}
