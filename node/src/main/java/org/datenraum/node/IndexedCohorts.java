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
import org.datenraum.query.plan.Plan;
import org.datenraum.store.FeasibilityExecutor;
import org.datenraum.store.SiteStore;

/**
 * {@link Cohorts} from a feasibility executor, which finds the patients a plan selects, and
 * narrow store reads: the records and the research-use consent facts of just those patients, and
 * for the year strata the facts of one code. Thread-safe if the executor and the store are.
 */
final class IndexedCohorts implements Cohorts {

  private final FeasibilityExecutor executor;
  private final SiteStore store;

  IndexedCohorts(FeasibilityExecutor executor, SiteStore store) {
    this.executor = requireNonNull(executor, "executor");
    this.store = requireNonNull(store, "store");
  }

  @Override
  public List<PatientRecord> select(Plan plan, LocalDate queryDate, ConsentPolicy consent) {
    requireNonNull(consent, "consent");
    Set<String> matching = executor.matching(plan, queryDate);
    if (matching.isEmpty()) {
      return List.of();
    }
    Map<String, List<Fact>> consents = new HashMap<>();
    store.facts(BroadConsent.RESEARCH_USE, matching)
        .filter(BroadConsent::isResearchUse)
        .forEach(f -> consents.computeIfAbsent(f.patient(), k -> new ArrayList<>()).add(f));
    List<PatientRecord> out = new ArrayList<>();
    store.patients(matching).forEach(p -> {
      Optional<Boolean> permitted = BroadConsent.researchPermitted(
          consents.getOrDefault(p.pseudonym(), List.of()).stream());
      if (BroadConsent.counted(consent, permitted)) {
        out.add(p);
      }
    });
    return out;
  }

  @Override
  public Map<String, Integer> firstYear(Set<String> patients, Coding code) {
    Map<String, Integer> out = new HashMap<>();
    if (patients.isEmpty()) {
      return out;
    }
    store.facts(code, patients)
        .filter(f -> f.start() != null)
        .forEach(f -> out.merge(f.patient(), f.start().atZone(ZoneOffset.UTC).getYear(), Math::min));
    return out;
  }
}
