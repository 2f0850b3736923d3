package org.datenraum.query.eval;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.datenraum.core.Fact;
import org.datenraum.core.PatientRecord;
import org.datenraum.query.plan.PatientPredicate;
import org.datenraum.query.plan.Plan;
import org.datenraum.query.plan.VentilationEpisodes;

/**
 * The straightforward evaluation of a {@link Plan} over facts in memory, patient by patient and
 * fact by fact: the correctness oracle for indexed executors. Facts of patients without a record
 * are ignored. Immutable and thread-safe after construction.
 */
public final class ReferenceEvaluator {

  private final List<PatientRecord> patients;
  private final FactMatcher matcher;

  private ReferenceEvaluator(List<PatientRecord> patients, FactMatcher matcher) {
    this.patients = patients;
    this.matcher = matcher;
  }

  public static ReferenceEvaluator of(Collection<PatientRecord> patients, Collection<Fact> facts) {
    Map<String, List<Fact>> byPatient = new HashMap<>();
    Map<String, List<Fact>> byResource = new HashMap<>();
    for (Fact f : facts) {
      byPatient.computeIfAbsent(f.patient(), k -> new ArrayList<>()).add(f);
      byResource.computeIfAbsent(FactMatcher.resourceKey(f.resourceType(), f.resourceId()), k -> new ArrayList<>()).add(f);
    }
    return new ReferenceEvaluator(List.copyOf(patients), new FactMatcher(byPatient, byResource));
  }

  /** The pseudonyms of the patients the plan selects at the query date, sorted. */
  public Set<String> matching(Plan plan, LocalDate queryDate) {
    Set<String> out = new TreeSet<>();
    for (PatientRecord p : patients) {
      if (included(plan, p, queryDate) && !excluded(plan, p, queryDate)) {
        out.add(p.pseudonym());
      }
    }
    return out;
  }

  public int count(Plan plan, LocalDate queryDate) {
    return matching(plan, queryDate).size();
  }

  private boolean included(Plan plan, PatientRecord p, LocalDate date) {
    for (List<PatientPredicate> anyOf : plan.inclusion()) {
      if (anyOf.stream().noneMatch(q -> holds(q, p, date))) {
        return false;
      }
    }
    return true;
  }

  private boolean excluded(Plan plan, PatientRecord p, LocalDate date) {
    for (List<PatientPredicate> allOf : plan.exclusion()) {
      if (allOf.stream().allMatch(q -> holds(q, p, date))) {
        return true;
      }
    }
    return false;
  }

  private boolean holds(PatientPredicate q, PatientRecord p, LocalDate date) {
    if (q instanceof PatientPredicate.HasFact has) {
      return matcher.anyFact(p.pseudonym(), has.pattern());
    }
    if (q instanceof PatientPredicate.SexIn sex) {
      return sex.sexes().contains(p.sex());
    }
    if (q instanceof PatientPredicate.AgeIs age) {
      return p.birth() != null && age.test().test(age.unit().between(p.birth().atDay(1), date));
    }
    if (q instanceof PatientPredicate.VentilationEpisode episode) {
      return VentilationEpisodes.any(VentilationEpisodes.of(matcher.factsOf(p.pseudonym())), episode);
    }
    return ((PatientPredicate.AnyOf) q).predicates().stream().anyMatch(r -> holds(r, p, date));
  }
}
