package org.datenraum.node;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.datenraum.core.Coding;
import org.datenraum.core.PatientRecord;
import org.datenraum.core.Result;
import org.datenraum.privacy.ConsentPolicy;
import org.datenraum.query.plan.Plan;
import org.datenraum.store.FeasibilityExecutor;
import org.datenraum.store.PatientNumbering;
import org.datenraum.store.SiteStore;

/**
 * The site data a node needs to answer: the patients a plan selects (after the consent policy),
 * and the year of a chosen fact per patient. Implementations are thread-safe.
 */
public interface Cohorts {

  /** The records of the patients the plan selects at the date whom the consent policy lets count. */
  List<PatientRecord> select(Plan plan, LocalDate queryDate, ConsentPolicy consent);

  /**
   * What {@link #select} selects, numbered: cohorts over a store that stays unchanged return the
   * same numbering of all its patients until it changes (see {@link #numbering}), so that what is
   * kept by patient number can be reused; this default numbers the selected patients anew.
   */
  default Cohort cohort(Plan plan, LocalDate queryDate, ConsentPolicy consent) {
    Map<String, PatientRecord> byName = new TreeMap<>();
    select(plan, queryDate, consent).forEach(r -> byName.putIfAbsent(r.pseudonym(), r));
    int[] numbers = new int[byName.size()];
    Arrays.setAll(numbers, i -> i);
    return new Cohort(PatientNumbering.of(byName.keySet().toArray(String[]::new)), numbers,
        List.copyOf(byName.values()));
  }

  /** The numbering {@link #cohort} uses until the site's data change, when these cohorts keep one. */
  default Optional<PatientNumbering> numbering() {
    return Optional.empty();
  }

  /** For each of the patients with a fact of this code, the UTC year of the earliest such fact. */
  Map<String, Integer> firstYear(Set<String> patients, Coding code);

  /**
   * Runs a task that reads these cohorts, possibly several times, against one view of the site's
   * data. Cohorts that open the site's store per task ({@link SiteSessions}) open it around the
   * task and fail when it stays busy; others just run it.
   */
  default <T> Result<T> during(String task, Supplier<T> work) {
    return Result.ok(work.get());
  }

  /** The registry reports of the site's data; none unless the site wires them. */
  default SiteReports reports() {
    return SiteReports.none();
  }

  /**
   * Evaluation with the reference evaluator over everything the store holds at the time of the
   * call: for small in-memory stores and as the oracle in tests.
   */
  static Cohorts reference(SiteStore store) {
    return new ReferenceCohorts(store);
  }

  /**
   * The patients come from the executor (which must run over {@code store}); consent, patient
   * records and years are read from the store for just those patients. For real site stores.
   */
  static Cohorts indexed(FeasibilityExecutor executor, SiteStore store) {
    return new IndexedCohorts(executor, store);
  }

  /**
   * As {@link #indexed}, for a store that does not change while these cohorts are used (one held
   * open read-only): every patient's record and research-use consent state are read now, once, and
   * a selection is the executor's patients looked up in memory.
   */
  static Cohorts held(FeasibilityExecutor executor, SiteStore store) {
    return HeldCohorts.read(executor, store);
  }
}
