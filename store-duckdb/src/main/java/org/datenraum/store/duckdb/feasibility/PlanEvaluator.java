package org.datenraum.store.duckdb.feasibility;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.datenraum.query.plan.PatientPredicate;
import org.datenraum.query.plan.Plan;
import org.roaringbitmap.RoaringBitmap;

/**
 * Bitmap algebra over a plan: inclusion is the AND of the OR-groups, exclusion the OR of the
 * AND-groups, the cohort is inclusion AND NOT exclusion among the stored patients. A predicate
 * that occurs several times is evaluated once. One per query execution; not thread-safe.
 */
final class PlanEvaluator {

  private final PatientTable patients;
  private final PatternEvaluator facts;
  private final LocalDate date;
  private final Connection connection;
  private final Map<PatientPredicate, RoaringBitmap> done = new HashMap<>();

  PlanEvaluator(PatientTable patients, CodeIndex index, RowCache cache, Connection c, LocalDate date) {
    this.patients = patients;
    this.facts = new PatternEvaluator(index, cache, c);
    this.date = date;
    this.connection = c;
  }

  RoaringBitmap cohort(Plan plan) throws SQLException {
    RoaringBitmap included = patients.all().clone();
    for (List<PatientPredicate> anyOf : plan.inclusion()) {
      if (included.isEmpty()) {
        return included;
      }
      RoaringBitmap group = new RoaringBitmap();
      for (PatientPredicate p : anyOf) {
        group.or(holds(p));
      }
      included.and(group);
    }
    for (List<PatientPredicate> allOf : plan.exclusion()) {
      if (included.isEmpty()) {
        return included;
      }
      RoaringBitmap group = patients.all().clone();
      for (PatientPredicate p : allOf) {
        if (group.isEmpty()) {
          break;
        }
        group.and(holds(p));
      }
      included.andNot(group);
    }
    return included;
  }

  private RoaringBitmap holds(PatientPredicate p) throws SQLException {
    RoaringBitmap known = done.get(p);
    if (known == null) {
      known = evaluate(p);
      done.put(p, known);
    }
    return known;
  }

  private RoaringBitmap evaluate(PatientPredicate p) throws SQLException {
    if (p instanceof PatientPredicate.HasFact has) {
      return facts.patients(has.pattern());
    }
    if (p instanceof PatientPredicate.SexIn sex) {
      return patients.sex(sex.sexes());
    }
    if (p instanceof PatientPredicate.AgeIs age) {
      return patients.age(age, date);
    }
    if (p instanceof PatientPredicate.VentilationEpisode episode) {
      return VentilationEpisodeScan.patients(connection, episode);
    }
    RoaringBitmap out = new RoaringBitmap();
    for (PatientPredicate q : ((PatientPredicate.AnyOf) p).predicates()) {
      out.or(holds(q));
    }
    return out;
  }
}
