package org.datenraum.store;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Set;
import org.datenraum.query.eval.ReferenceEvaluator;
import org.datenraum.query.plan.Plan;

/**
 * Executes plans with the {@link ReferenceEvaluator} over everything the store holds at the time
 * of the call: slow, obviously correct, for tests. Thread-safe if the store is.
 */
public final class InMemoryFeasibilityExecutor implements FeasibilityExecutor {

  private final SiteStore store;

  private InMemoryFeasibilityExecutor(SiteStore store) {
    this.store = store;
  }

  public static InMemoryFeasibilityExecutor of(SiteStore store) {
    return new InMemoryFeasibilityExecutor(requireNonNull(store, "store"));
  }

  @Override
  public long count(Plan plan, LocalDate queryDate) {
    return evaluator().count(plan, queryDate);
  }

  @Override
  public Set<String> matching(Plan plan, LocalDate queryDate) {
    return evaluator().matching(plan, queryDate);
  }

  private ReferenceEvaluator evaluator() {
    return ReferenceEvaluator.of(store.patients().toList(), store.facts().toList());
  }
}
