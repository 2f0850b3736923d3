package org.datenraum.store;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import org.datenraum.query.plan.Plan;

/**
 * Executes a compiled feasibility query against a site's data and returns the exact local count.
 * Exact counts are for the site's operator; disclosure control happens before anything leaves
 * the site.
 */
public interface FeasibilityExecutor {

  /**
   * The number of stored patients the plan selects, with ages computed at {@code queryDate}.
   * Reflects every batch written to the store before the call.
   */
  long count(Plan plan, LocalDate queryDate);

  /**
   * The pseudonyms of the stored patients the plan selects, with ages computed at
   * {@code queryDate}: the patients that {@link #count} counts. Reflects every batch written to
   * the store before the call.
   */
  Set<String> matching(Plan plan, LocalDate queryDate);

  /**
   * The patients that {@link #matching} selects, as numbers of a numbering of the store's patients.
   * An executor that numbers its store's patients returns the same numbering (the same object)
   * until the store changes, so that what is kept by number can be reused; this default numbers
   * just the selected patients anew at every call.
   */
  default NumberedPatients numbered(Plan plan, LocalDate queryDate) {
    String[] sorted = matching(plan, queryDate).stream().sorted().toArray(String[]::new);
    int[] numbers = new int[sorted.length];
    Arrays.setAll(numbers, i -> i);
    return new NumberedPatients(PatientNumbering.of(sorted), numbers);
  }

  /**
   * The numbering of the store's current version that {@link #numbered} uses, when the executor
   * keeps one across calls; empty for executors that number per call.
   */
  default Optional<PatientNumbering> numbering() {
    return Optional.empty();
  }
}
