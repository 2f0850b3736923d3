package org.datenraum.query.plan;

import java.util.List;

/**
 * A compiled feasibility query: a patient is counted when every inclusion group has a predicate
 * that holds (AND of ORs) and no exclusion group has all its predicates holding (OR of ANDs).
 * Codes are mapped and expanded; time windows are absolute. Immutable.
 */
public record Plan(List<List<PatientPredicate>> inclusion, List<List<PatientPredicate>> exclusion) {

  public Plan {
    inclusion = inclusion.stream().map(List::copyOf).toList();
    exclusion = exclusion.stream().map(List::copyOf).toList();
  }
}
