package org.datenraum.store.duckdb.feasibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.datenraum.query.plan.Plan;
import org.datenraum.store.InMemoryFeasibilityExecutor;
import org.datenraum.store.duckdb.DuckDbSiteStore;

/** The indexed executor's cohorts compared with the reference evaluator's over the same store. */
final class ReferenceAnswers {

  private ReferenceAnswers() {}

  /**
   * {@code count} random plans select the same patients through {@code indexed} as through the
   * reference evaluator, and more than a fifth of them select someone.
   */
  static void assertAnswersAsReference(DuckDbSiteStore store, DuckDbFeasibilityExecutor indexed, RandomPlans plans,
      int count, LocalDate date) {
    InMemoryFeasibilityExecutor reference = InMemoryFeasibilityExecutor.of(store);
    int informative = 0;
    for (int i = 0; i < count; i++) {
      Plan plan = plans.plan();
      var expected = reference.matching(plan, date);
      assertThat(indexed.matching(plan, date)).as("%s", plan).isEqualTo(expected);
      informative += expected.isEmpty() ? 0 : 1;
    }
    assertThat(informative).as("plans selecting someone").isGreaterThan(count / 5);
  }
}
