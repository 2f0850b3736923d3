package org.datenraum.store;

import java.time.LocalDate;
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
}
