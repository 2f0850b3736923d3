package org.datenraum.node;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.datenraum.store.NumberedPatients;
import org.datenraum.store.PatientNumbering;
import org.datenraum.store.SiteStore;

/**
 * {@link Cohorts} over a store that stays unchanged while they are used: the patients a plan
 * selects come from the executor as patient numbers, their records and research-use consent states
 * from arrays by patient number, made from maps read once from the store (again when the
 * executor's numbering changes). Selects what {@link IndexedCohorts} selects over the same store.
 * Thread-safe if the executor and the store are.
 */
final class HeldCohorts implements Cohorts {

  /** Patients whose consent facts are read at a time, so that the facts in memory stay few. */
  private static final int CHUNK = 5_000;

  private final FeasibilityExecutor executor;
  private final IndexedCohorts years;
  private final Map<String, PatientRecord> records;
  private final Map<String, Optional<Boolean>> permitted;
  private volatile ByNumber byNumber;

  /** The research-use consent states a patient can be in: none recorded, permitted, denied. */
  private static final List<Optional<Boolean>> STATES = List.of(Optional.empty(), Optional.of(true),
      Optional.of(false));

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
    return cohort(plan, queryDate, consent).records();
  }

  /**
   * The executor's numbered patients, filtered by the consent states and given their records, both
   * held by patient number for the executor's numbering (made again when the numbering changes).
   */
  @Override
  public Cohort cohort(Plan plan, LocalDate queryDate, ConsentPolicy consent) {
    requireNonNull(consent, "consent");
    NumberedPatients matching = executor.numbered(plan, queryDate);
    ByNumber held = byNumber(matching.numbering());
    boolean[] counted = new boolean[STATES.size()];
    for (int i = 0; i < counted.length; i++) {
      counted[i] = BroadConsent.counted(consent, STATES.get(i));
    }
    int[] in = matching.numbers();
    int[] out = new int[in.length];
    List<PatientRecord> records = new ArrayList<>(in.length);
    int n = 0;
    for (int num : in) {
      PatientRecord record = held.records[num];
      if (record != null && counted[held.consent[num]]) {
        out[n++] = num;
        records.add(record);
      }
    }
    return new Cohort(matching.numbering(), Arrays.copyOf(out, n), records);
  }

  @Override
  public Optional<PatientNumbering> numbering() {
    return executor.numbering();
  }

  private ByNumber byNumber(PatientNumbering numbering) {
    ByNumber b = byNumber;
    if (b == null || b.numbering != numbering) {
      synchronized (this) {
        b = byNumber;
        if (b == null || b.numbering != numbering) {
          b = new ByNumber(numbering, records, permitted);
          byNumber = b;
        }
      }
    }
    return b;
  }

  /** Records and consent states (indexes into {@link #STATES}) by number of one numbering. */
  private static final class ByNumber {
    final PatientNumbering numbering;
    final PatientRecord[] records;
    final byte[] consent;

    ByNumber(PatientNumbering numbering, Map<String, PatientRecord> records,
        Map<String, Optional<Boolean>> permitted) {
      this.numbering = numbering;
      this.records = new PatientRecord[numbering.size()];
      this.consent = new byte[numbering.size()];
      Optional<Boolean> none = BroadConsent.researchPermitted(Stream.empty());
      for (int n = 0; n < numbering.size(); n++) {
        String p = numbering.pseudonym(n);
        if (p != null) {
          this.records[n] = records.get(p);
          this.consent[n] = (byte) STATES.indexOf(permitted.getOrDefault(p, none));
        }
      }
    }
  }

  @Override
  public Map<String, Integer> firstYear(Set<String> patients, Coding code) {
    return years.firstYear(patients, code);
  }
}
