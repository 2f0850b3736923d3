package org.datenraum.surveillance.syndromic;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A site's daily counts with the built-in definitions, as they leave the site: ED visits and
 * microbiology results counted per day and age group and released under the minimum cell size.
 * The period ends at the last day with an ED visit, so a day is sent once the site holds it.
 * Immutable; thread-safe when its records are.
 */
public final class DailyRelease {

  private final SyndromicRecords records;
  private final MinimumCellSize rule;

  private DailyRelease(SyndromicRecords records, MinimumCellSize rule) {
    this.records = requireNonNull(records, "records");
    this.rule = requireNonNull(rule, "rule");
  }

  public static DailyRelease of(SyndromicRecords records, MinimumCellSize rule) {
    return new DailyRelease(records, rule);
  }

  /** The released counts from {@code from} through {@code through}, cut at the last ED visit. */
  public Optional<ReleasedCounts> released(LocalDate from, LocalDate through) {
    List<EdVisit> visits = records.visits();
    Optional<LocalDate> lastVisit = visits.stream().map(EdVisit::day).max(Comparator.naturalOrder());
    if (lastVisit.isEmpty()) {
      return Optional.empty();
    }
    LocalDate last = lastVisit.get().isBefore(through) ? lastVisit.get() : through;
    if (last.isBefore(from)) {
      return Optional.empty();
    }
    List<PathogenDefinition> pathogens = PathogenDefinitions.builtIn();
    List<LabResult> results = records.results(pathogens);
    return Optional.of(SyndromicCounter.of(SyndromeDefinitions.builtIn(), pathogens)
        .count("site", from, last, visits, results).release(rule));
  }

  /** The release rule in words, part of the fingerprint that saved approval rules depend on. */
  public String policy() {
    return "surveillance-minimum-cell=" + rule.minimum() + ";zone=" + records.zone();
  }
}
