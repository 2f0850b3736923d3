package org.datenraum.query;

import static java.util.Objects.requireNonNull;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.datenraum.core.Result;
import org.datenraum.query.ccdl.CcdlQuery;
import org.datenraum.query.ccdl.Criterion;
import org.datenraum.query.mapping.TermCodeMapping;
import org.datenraum.query.plan.PatientPredicate;
import org.datenraum.query.plan.Plan;

/**
 * Compiles a CCDL query into a {@link Plan}: term codes are mapped to facts or patient data and
 * expanded to their descendants; dates become instants in the site's time zone. Immutable and
 * thread-safe.
 */
public final class CcdlCompiler {

  private final CriterionCompiler criteria;

  private CcdlCompiler(CriterionCompiler criteria) {
    this.criteria = criteria;
  }

  /**
   * A compiler whose CCDL dates are days in UTC, the zone in which the FHIR ingest reads dates and
   * times written without an offset (see docs/facts.md).
   */
  public static CcdlCompiler of(TermCodeMapping mapping) {
    return of(mapping, ZoneOffset.UTC);
  }

  /**
   * @param mapping the term-code mapping (built-in or from a mapping directory)
   * @param zone    the zone in which CCDL dates are days; must be the zone the ingest used for
   *                dates without an offset, or date-only facts match a neighbouring day
   */
  public static CcdlCompiler of(TermCodeMapping mapping, ZoneId zone) {
    return new CcdlCompiler(new CriterionCompiler(requireNonNull(mapping, "mapping"), requireNonNull(zone, "zone")));
  }

  /** The plan, or the first problem (codes {@code DR-2020}..{@code DR-2029}) naming its JSON path. */
  public Result<Plan> compile(CcdlQuery query) {
    try {
      return Result.ok(new Plan(
          groups(query.inclusion(), "$.inclusionCriteria"),
          groups(query.exclusion(), "$.exclusionCriteria")));
    } catch (CriterionCompiler.Unmappable e) {
      return Result.fail(e.problem());
    }
  }

  private List<List<PatientPredicate>> groups(List<List<Criterion>> groups, String path) {
    List<List<PatientPredicate>> out = new ArrayList<>(groups.size());
    for (int i = 0; i < groups.size(); i++) {
      List<Criterion> group = groups.get(i);
      List<PatientPredicate> compiled = new ArrayList<>(group.size());
      for (int j = 0; j < group.size(); j++) {
        compiled.add(criteria.compile(group.get(j), path + "[" + i + "][" + j + "]"));
      }
      out.add(compiled);
    }
    return out;
  }
}
