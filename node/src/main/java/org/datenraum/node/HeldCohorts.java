package org.datenraum.node;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.datenraum.core.Coding;
import org.datenraum.core.Fact;
import org.datenraum.core.PatientRecord;
import org.datenraum.privacy.BroadConsent;
import org.datenraum.privacy.ConsentPolicy;
import org.datenraum.query.plan.Plan;
import org.datenraum.store.FeasibilityExecutor;
import org.datenraum.store.SiteStore;

/**
 * {@link Cohorts} over a store that stays unchanged while they are used: the patients a plan
 * selects come from the executor, their records and research-use consent states from maps read
 * once from the store. Selects what {@link IndexedCohorts} selects over the same store. Immutable
 * after construction; thread-safe if the executor and the store are.
 */
final class HeldCohorts implements Cohorts {

  /** Patients whose consent facts are read at a time, so that the facts in memory stay few. */
  private static final int CHUNK = 5_000;

  private final FeasibilityExecutor executor;
  private final IndexedCohorts years;
  private final Map<String, PatientRecord> records;
  private final Map<String, Optional<Boolean>> permitted;
  private final Optional<Boolean> withoutConsent = BroadConsent.researchPermitted(Stream.empty());

  private HeldCohorts(FeasibilityExecutor executor, SiteStore store, Map<String, PatientRecord> records,
      Map<String, Optional<Boolean>> permitted) {
    this.executor = executor;
    this.years = new IndexedCohorts(executor, store);
    this.records = records;
    this.permitted = permitted;
  }

  /** Reads every patient's record and the research-use consent facts of the store now. */
  static HeldCohorts read(FeasibilityExecutor executor, SiteStore store) {
    requireNonNull(executor, "executor");
    requireNonNull(store, "store");
    Map<String, PatientRecord> records = new HashMap<>();
    store.patients().forEach(p -> records.put(p.pseudonym(), p));
    Map<String, Optional<Boolean>> permitted = new HashMap<>();
    List<String> all = new ArrayList<>(records.keySet());
    for (int from = 0; from < all.size(); from += CHUNK) {
      permitted.putAll(permitted(store, Set.copyOf(all.subList(from, Math.min(all.size(), from + CHUNK)))));
    }
    return new HeldCohorts(executor, store, records, permitted);
  }

  /** The consent states of these patients who have research-use consent facts. */
  private static Map<String, Optional<Boolean>> permitted(SiteStore store, Set<String> patients) {
    Map<String, List<Fact>> consents = new HashMap<>();
    store.facts(BroadConsent.RESEARCH_USE, patients)
        .filter(BroadConsent::isResearchUse)
        .forEach(f -> consents.computeIfAbsent(f.patient(), k -> new ArrayList<>()).add(f));
    return consents.entrySet().stream().collect(Collectors.toMap(
        Map.Entry::getKey, e -> BroadConsent.researchPermitted(e.getValue().stream())));
  }

  @Override
  public List<PatientRecord> select(Plan plan, LocalDate queryDate, ConsentPolicy consent) {
    requireNonNull(consent, "consent");
    List<PatientRecord> out = new ArrayList<>();
    for (String p : executor.matching(plan, queryDate)) {
      PatientRecord record = records.get(p);
      if (record != null && BroadConsent.counted(consent, permitted.getOrDefault(p, withoutConsent))) {
        out.add(record);
      }
    }
    return out;
  }

  @Override
  public Map<String, Integer> firstYear(Set<String> patients, Coding code) {
    return years.firstYear(patients, code);
  }
}
