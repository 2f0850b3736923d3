package org.datenraum.query;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.datenraum.core.Problem;
import org.datenraum.query.ccdl.Criterion;
import org.datenraum.query.ccdl.TermCode;
import org.datenraum.query.mapping.MappingEntry;
import org.datenraum.query.mapping.TermCodeMapping;
import org.datenraum.query.plan.CodeSet;
import org.datenraum.query.plan.FactPattern;
import org.datenraum.query.plan.PatientPredicate;
import org.datenraum.query.plan.TimeWindow;

/** Compiles one criterion (all its synonym term codes). Immutable and thread-safe. */
final class CriterionCompiler {

  /** Unwinds compilation with the first problem; never escapes {@link CcdlCompiler}. */
  static final class Unmappable extends RuntimeException {
    private final transient Problem problem;

    Unmappable(Problem problem) {
      super(problem.code(), null, false, false);
      this.problem = problem;
    }

    Problem problem() {
      return problem;
    }
  }

  private final TermCodeMapping mapping;
  private final ZoneId zone;
  private final FactPatternCompiler facts;

  CriterionCompiler(TermCodeMapping mapping, ZoneId zone) {
    this.mapping = mapping;
    this.zone = zone;
    this.facts = new FactPatternCompiler(mapping, this);
  }

  static Unmappable invalid(String code, String message) {
    return new Unmappable(Problem.invalid(code, message));
  }

  PatientPredicate compile(Criterion c, String path) {
    List<PatientPredicate> synonyms = new ArrayList<>();
    for (int k = 0; k < c.termCodes().size(); k++) {
      TermCode code = c.termCodes().get(k);
      MappingEntry entry = mapping.resolve(c.context(), code).orElseThrow(() -> new Unmappable(Problem.notFound(
          "DR-2020",
          "No mapping for `" + code.token() + "` in context `" + c.context().code() + "` at " + path
              + ".termCodes: " + mapping.describe() + "; check the code and context or pass a mapping"
              + " directory (--mapping DIR) that lists it.")));
      add(synonyms, predicate(c, code, entry, path));
    }
    return synonyms.size() == 1 ? synonyms.get(0) : new PatientPredicate.AnyOf(synonyms);
  }

  private PatientPredicate predicate(Criterion c, TermCode code, MappingEntry entry, String path) {
    if (entry instanceof MappingEntry.PatientSex) {
      return PatientFilters.sex(c.valueFilter(), path);
    }
    if (entry instanceof MappingEntry.PatientAge) {
      return PatientFilters.age(c.valueFilter(), path);
    }
    if (entry instanceof MappingEntry.VentilationEpisode) {
      return PatientFilters.ventilationEpisode(c, window(c), path);
    }
    return new PatientPredicate.HasFact(facts.pattern(c, code, (MappingEntry.Facts) entry, path));
  }

  /** The fact patterns of a referenced criterion; patient-level criteria cannot be referenced. */
  List<FactPattern> referenced(Criterion c, String path) {
    PatientPredicate p = compile(c, path);
    List<PatientPredicate> all = p instanceof PatientPredicate.AnyOf any ? any.predicates() : List.of(p);
    List<FactPattern> out = new ArrayList<>();
    for (PatientPredicate q : all) {
      if (!(q instanceof PatientPredicate.HasFact has)) {
        throw invalid("DR-2026", "Referenced criterion at " + path
            + " is about the patient, not a resource: reference a resource criterion such as a Diagnose.");
      }
      out.add(has.pattern());
    }
    return out;
  }

  TimeWindow window(Criterion c) {
    return c.timeRestriction() == null
        ? TimeWindow.ALWAYS
        : TimeWindow.ofDates(c.timeRestriction().afterDate(), c.timeRestriction().beforeDate(), zone);
  }

  CodeSet concepts(TermCode context, List<TermCode> selected) {
    CodeSet out = new CodeSet(java.util.Set.of(), java.util.Set.of());
    for (TermCode t : selected) {
      out = out.union(mapping.expand(context, t));
    }
    return out;
  }

  private static void add(List<PatientPredicate> synonyms, PatientPredicate next) {
    if (!synonyms.isEmpty()
        && synonyms.get(synonyms.size() - 1) instanceof PatientPredicate.HasFact last
        && next instanceof PatientPredicate.HasFact n
        && last.pattern().codes() != null && n.pattern().codes() != null
        && last.pattern().withCodes(null).equals(n.pattern().withCodes(null))) {
      synonyms.set(synonyms.size() - 1,
          new PatientPredicate.HasFact(last.pattern().withCodes(last.pattern().codes().union(n.pattern().codes()))));
      return;
    }
    synonyms.add(next);
  }
}
