package org.datenraum.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.datenraum.core.Coding;
import org.datenraum.query.ccdl.AttributeFilter;
import org.datenraum.query.ccdl.Criterion;
import org.datenraum.query.ccdl.Filter;
import org.datenraum.query.ccdl.TermCode;
import org.datenraum.query.ccdl.TimeRelation;
import org.datenraum.query.eval.Units;
import org.datenraum.query.mapping.AttributeTarget;
import org.datenraum.query.mapping.MappingEntry;
import org.datenraum.query.mapping.TermCodeMapping;
import org.datenraum.query.plan.CodeSet;
import org.datenraum.query.plan.FactPattern;
import org.datenraum.query.plan.FactTest;
import org.datenraum.query.plan.NumberTest;
import org.datenraum.query.plan.ValueTest;

/** Compiles a criterion whose term code maps to facts into a {@link FactPattern}. Immutable. */
final class FactPatternCompiler {

  private final TermCodeMapping mapping;
  private final CriterionCompiler criteria;

  FactPatternCompiler(TermCodeMapping mapping, CriterionCompiler criteria) {
    this.mapping = mapping;
    this.criteria = criteria;
  }

  FactPattern pattern(Criterion c, TermCode code, MappingEntry.Facts entry, String path) {
    CodeSet codes = entry.codeTarget() == null ? null : mapping.expand(c.context(), code);
    String codeKey = codeKey(entry.codeTarget(), path);
    ValueTest required = entry.requiredValue() == null ? null : new ValueTest.InConcepts(CodeSet.of(entry.requiredValue()));
    ValueTest value = c.valueFilter() == null ? required
        : value(c.context(), c.valueFilter(), path + ".valueFilter.unit");
    List<FactTest> tests = new ArrayList<>();
    for (MappingEntry.Fixed f : entry.fixed()) {
      tests.add(fixed(f, required));
    }
    for (int i = 0; i < c.attributeFilters().size(); i++) {
      tests.add(attribute(c, entry, i, path + ".attributeFilters[" + i + "]"));
    }
    if (c.timeRelation() != null) {
      tests.add(near(c.timeRelation(), path + ".timeRelation"));
    }
    return new FactPattern(entry.resourceTypes(), codeKey, codes, value, tests, criteria.window(c));
  }

  private FactTest near(TimeRelation relation, String path) {
    List<FactPattern> targets = new ArrayList<>();
    for (int i = 0; i < relation.criteria().size(); i++) {
      targets.addAll(criteria.referenced(relation.criteria().get(i), path + ".criteria[" + i + "]"));
    }
    return new FactTest.Near(targets, days(relation.minDays()), days(relation.maxDays()));
  }

  private static java.time.Duration days(Double days) {
    return days == null ? null : java.time.Duration.ofMillis(Math.round(days * 86_400_000d));
  }

  private static String codeKey(AttributeTarget target, String path) {
    if (target == null || target instanceof AttributeTarget.Code) {
      return null;
    }
    if (target instanceof AttributeTarget.Attribute a) {
      return a.key();
    }
    throw CriterionCompiler.invalid("DR-2024", "The mapping places the term codes at " + path
        + " in a " + target.getClass().getSimpleName().toLowerCase() + ", which cannot hold them: map them to a code or an attribute.");
  }

  private ValueTest value(TermCode context, Filter f, String unitPath) {
    if (f instanceof Filter.Concept concept) {
      return new ValueTest.InConcepts(criteria.concepts(context, concept.selectedConcepts()));
    }
    if (f instanceof Filter.Comparison cmp) {
      return new ValueTest.Quantity(new NumberTest.Compare(cmp.comparator(), cmp.value()),
          ucum(cmp.unit(), unitPath));
    }
    Filter.Range r = (Filter.Range) f;
    return new ValueTest.Quantity(new NumberTest.Between(r.minValue(), r.maxValue()),
        ucum(r.unit(), unitPath));
  }

  /** The unit of a value filter, refused when it is no UCUM unit (it could match nothing). */
  private static String ucum(String unit, String path) {
    org.datenraum.core.Problem unknown = unit == null ? null : Units.unknown(unit, path);
    if (unknown != null) {
      throw CriterionCompiler.invalid(unknown.code(), unknown.message());
    }
    return unit;
  }

  private static FactTest fixed(MappingEntry.Fixed f, ValueTest required) {
    CodeSet codes = new CodeSet(f.codes(), Set.of());
    if (f.target() instanceof AttributeTarget.Attribute a) {
      return new FactTest.AttributeIn(a.key(), codes);
    }
    if (f.target() instanceof AttributeTarget.Status) {
      return new FactTest.StatusIn(f.codes().stream().map(Coding::code).collect(Collectors.toSet()));
    }
    return new FactTest.Sibling(codes, required);
  }

  private FactTest attribute(Criterion c, MappingEntry.Facts entry, int index, String path) {
    AttributeFilter af = c.attributeFilters().get(index);
    AttributeTarget target = entry.attribute(af.attributeCode()).orElseThrow();
    Filter f = af.filter();
    if (target instanceof AttributeTarget.Reference) {
      if (!(f instanceof Filter.Reference ref)) {
        throw CriterionCompiler.invalid("DR-2025", "Attribute `" + af.attributeCode().code() + "` at " + path
            + " is a reference: use a filter of type `reference` with the referenced criteria.");
      }
      List<FactPattern> targets = new ArrayList<>();
      for (int i = 0; i < ref.criteria().size(); i++) {
        targets.addAll(criteria.referenced(ref.criteria().get(i), path + ".criteria[" + i + "]"));
      }
      return new FactTest.References(targets);
    }
    if (f instanceof Filter.Reference) {
      throw CriterionCompiler.invalid("DR-2025", "Attribute `" + af.attributeCode().code() + "` at " + path
          + " is not a reference in this context: use a `concept` filter, or check the attribute code.");
    }
    if (target instanceof AttributeTarget.Component) {
      return new FactTest.Sibling(CodeSet.of(af.attributeCode().coding()), value(c.context(), f, path + ".unit"));
    }
    if (!(f instanceof Filter.Concept concept)) {
      throw CriterionCompiler.invalid("DR-2025", "Attribute `" + af.attributeCode().code() + "` at " + path
          + " holds codes, not quantities: use a `concept` filter.");
    }
    CodeSet selected = criteria.concepts(c.context(), concept.selectedConcepts());
    if (target instanceof AttributeTarget.Code) {
      return new FactTest.CodeIn(selected);
    }
    if (target instanceof AttributeTarget.Status) {
      return new FactTest.StatusIn(concept.selectedConcepts().stream().map(TermCode::code).collect(Collectors.toSet()));
    }
    return new FactTest.AttributeIn(((AttributeTarget.Attribute) target).key(), selected);
  }
}
