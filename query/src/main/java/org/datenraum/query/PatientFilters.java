package org.datenraum.query;

import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.datenraum.core.Sex;
import org.datenraum.query.ccdl.Criterion;
import org.datenraum.query.ccdl.Filter;
import org.datenraum.query.ccdl.TermCode;
import org.datenraum.query.plan.NumberTest;
import org.datenraum.query.eval.Units;
import org.datenraum.query.plan.PatientPredicate;
import org.datenraum.query.plan.TimeWindow;

/**
 * Gender and age criteria, which read the patient record instead of facts, and the invasive
 * ventilation episode, which reads all of a patient's ventilation Procedures at once.
 */
final class PatientFilters {

  private static final Map<String, Sex> SEX_CODES = Map.ofEntries(
      Map.entry("female", Sex.FEMALE), Map.entry("f", Sex.FEMALE), Map.entry("la3-6", Sex.FEMALE),
      Map.entry("248152002", Sex.FEMALE),
      Map.entry("male", Sex.MALE), Map.entry("m", Sex.MALE), Map.entry("la2-8", Sex.MALE),
      Map.entry("248153007", Sex.MALE),
      Map.entry("other", Sex.OTHER), Map.entry("d", Sex.OTHER), Map.entry("diverse", Sex.OTHER),
      Map.entry("x", Sex.OTHER), Map.entry("la46-8", Sex.OTHER),
      Map.entry("unknown", Sex.UNKNOWN), Map.entry("u", Sex.UNKNOWN), Map.entry("la4489-6", Sex.UNKNOWN));

  private static final Map<String, ChronoUnit> AGE_UNITS = Map.ofEntries(
      Map.entry("a", ChronoUnit.YEARS), Map.entry("year", ChronoUnit.YEARS), Map.entry("years", ChronoUnit.YEARS),
      Map.entry("jahr", ChronoUnit.YEARS), Map.entry("jahre", ChronoUnit.YEARS),
      Map.entry("mo", ChronoUnit.MONTHS), Map.entry("month", ChronoUnit.MONTHS), Map.entry("months", ChronoUnit.MONTHS),
      Map.entry("wk", ChronoUnit.WEEKS), Map.entry("week", ChronoUnit.WEEKS), Map.entry("weeks", ChronoUnit.WEEKS),
      Map.entry("d", ChronoUnit.DAYS), Map.entry("day", ChronoUnit.DAYS), Map.entry("days", ChronoUnit.DAYS));

  private PatientFilters() {}

  static PatientPredicate sex(Filter filter, String path) {
    if (!(filter instanceof Filter.Concept concept)) {
      throw CriterionCompiler.invalid("DR-2021", "Gender criterion at " + path
          + " needs a `concept` value filter: select genders, e.g. `female` of http://hl7.org/fhir/administrative-gender.");
    }
    Set<Sex> sexes = EnumSet.noneOf(Sex.class);
    for (int i = 0; i < concept.selectedConcepts().size(); i++) {
      TermCode t = concept.selectedConcepts().get(i);
      Sex s = SEX_CODES.get(t.code().toLowerCase(Locale.ROOT));
      if (s == null) {
        throw CriterionCompiler.invalid("DR-2022", "Unknown gender `" + t.code() + "` at " + path
            + ".valueFilter.selectedConcepts[" + i + "]: expected one of female, male, other, unknown.");
      }
      sexes.add(s);
    }
    return new PatientPredicate.SexIn(sexes);
  }

  static PatientPredicate age(Filter filter, String path) {
    if (filter instanceof Filter.Comparison c) {
      return new PatientPredicate.AgeIs(new NumberTest.Compare(c.comparator(), c.value()), unit(c.unit(), path));
    }
    if (filter instanceof Filter.Range r) {
      return new PatientPredicate.AgeIs(new NumberTest.Between(r.minValue(), r.maxValue()), unit(r.unit(), path));
    }
    throw CriterionCompiler.invalid("DR-2021", "Age criterion at " + path
        + " needs a `quantity-comparator` or `quantity-range` value filter, e.g. `gt` 18 `a`.");
  }

  /**
   * An invasive ventilation episode criterion: its value filter compares the length in any UCUM
   * unit of time (hours without a unit); without a filter any episode matches.
   */
  static PatientPredicate ventilationEpisode(Criterion c, TimeWindow window, String path) {
    if (!c.attributeFilters().isEmpty() || c.timeRelation() != null) {
      throw CriterionCompiler.invalid("DR-7304", "The ventilation episode criterion at " + path
          + " takes no attribute filters or time relations: give only a value filter on its"
          + " length and a time restriction.");
    }
    Filter f = c.valueFilter();
    if (f == null) {
      return new PatientPredicate.VentilationEpisode(new NumberTest.Between(0, Double.MAX_VALUE),
          window);
    }
    if (f instanceof Filter.Comparison cmp) {
      return new PatientPredicate.VentilationEpisode(new NumberTest.Compare(cmp.comparator(),
          hours(cmp.value(), cmp.unit(), path)), window);
    }
    if (f instanceof Filter.Range r) {
      return new PatientPredicate.VentilationEpisode(new NumberTest.Between(
          hours(r.minValue(), r.unit(), path), hours(r.maxValue(), r.unit(), path)), window);
    }
    throw CriterionCompiler.invalid("DR-7303", "The ventilation episode criterion at " + path
        + " needs a `quantity-comparator` or `quantity-range` value filter on its length, e.g."
        + " `gt` 96 `h`.");
  }

  private static double hours(double value, String unit, String path) {
    if (unit == null) {
      return value;
    }
    java.util.OptionalDouble h = Units.convert(value, unit, "h");
    if (h.isEmpty()) {
      throw CriterionCompiler.invalid("DR-7303", "Unit `" + unit + "` at " + path
          + ".valueFilter.unit is no unit of time: give the episode's length in h, d or min.");
    }
    return h.getAsDouble();
  }

  private static ChronoUnit unit(String unit, String path) {
    if (unit == null) {
      return ChronoUnit.YEARS;
    }
    ChronoUnit u = AGE_UNITS.get(unit.toLowerCase(Locale.ROOT));
    if (u == null) {
      throw CriterionCompiler.invalid("DR-2023", "Unknown age unit `" + unit + "` at " + path
          + ".valueFilter.unit: expected one of a, mo, wk, d (UCUM).");
    }
    return u;
  }
}
