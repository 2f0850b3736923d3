package org.datenraum.node;

import java.time.LocalDate;
import java.util.Optional;
import org.datenraum.core.Problem;
import org.datenraum.core.Result;
import org.datenraum.surveillance.syndromic.ReleasedCounts;

/** The site's daily syndromic and pathogen counts, as its minimum cell size rule releases them. */
public interface DailyCountsSource {

  /**
   * The released counts of the days from {@code from} through {@code through} for which the site
   * holds data (the period ends at its last day with an ED visit); empty when there is no such day;
   * the problem when the site cannot count.
   */
  Result<Optional<ReleasedCounts>> released(LocalDate from, LocalDate through);

  /** The release rule in words, part of the fingerprint that saved approval rules depend on. */
  String policy();

  /** A node without surveillance data: every round fails with the reason. */
  static DailyCountsSource none() {
    return new DailyCountsSource() {
      @Override
      public Result<Optional<ReleasedCounts>> released(LocalDate from, LocalDate through) {
        return Result.fail(Problem.unsupported("DR-5620", "this node was started without surveillance counts"));
      }

      @Override
      public String policy() {
        return "";
      }
    };
  }
}
