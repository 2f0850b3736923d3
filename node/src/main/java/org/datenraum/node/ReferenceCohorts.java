package org.datenraum.node;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.datenraum.core.Coding;
import org.datenraum.core.Fact;
import org.datenraum.core.PatientRecord;
import org.datenraum.privacy.BroadConsent;
import org.datenraum.privacy.ConsentPolicy;
import org.datenraum.query.eval.ReferenceEvaluator;
import org.datenraum.query.plan.Plan;
import org.datenraum.store.SiteStore;

/**
 * {@link Cohorts} with the reference evaluator, reading the whole store per call: correct and
 * simple, fast enough for small sites. Thread-safe if the store is.
 */
final class ReferenceCohorts implements Cohorts {

  private final SiteStore store;

  ReferenceCohorts(SiteStore store) {
    this.store = requireNonNull(store, "store");
  }

  @Override
  public List<PatientRecord> select(Plan plan, LocalDate queryDate, ConsentPolicy consent) {
    List<PatientRecord> patients = store.patients().toList();
    List<Fact> facts = store.facts().toList();
    Set<String> matching = ReferenceEvaluator.of(patients, facts).matching(plan, queryDate);
    Map<String, List<Fact>> consents = new HashMap<>();
    for (Fact f : facts) {
      if (BroadConsent.isResearchUse(f) && matching.contains(f.patient())) {
        consents.computeIfAbsent(f.patient(), k -> new ArrayList<>()).add(f);
      }
    }
    List<PatientRecord> out = new ArrayList<>();
    for (PatientRecord p : patients) {
      if (matching.contains(p.pseudonym())) {
        Optional<Boolean> permitted = BroadConsent.researchPermitted(
            consents.getOrDefault(p.pseudonym(), List.of()).stream());
        if (BroadConsent.counted(consent, permitted)) {
          out.add(p);
        }
      }
    }
    return out;
  }

  @Override
  public Map<String, Integer> firstYear(Set<String> patients, Coding code) {
    Map<String, Integer> out = new HashMap<>();
    store.facts()
        .filter(f -> f.start() != null && f.code().equals(code) && patients.contains(f.patient()))
        .forEach(f -> out.merge(f.patient(), f.start().atZone(ZoneOffset.UTC).getYear(), Math::min));
    return out;
  }
}
