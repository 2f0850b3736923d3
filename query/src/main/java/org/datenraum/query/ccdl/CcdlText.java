package org.datenraum.query.ccdl;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A CCDL query as one English sentence for people who decide on it: "Patients with (A or B) and C,
 * and not (D and E)". A term reads as its display with its code, a value filter as a comparison
 * with its unit, a time restriction as a date range.
 */
public final class CcdlText {

  private CcdlText() {}

  public static String describe(CcdlQuery q) {
    String with = q.inclusion().stream().map(g -> group(g, " or ")).collect(Collectors.joining(" and "));
    String not = q.exclusion().stream().map(g -> group(g, " and ")).collect(Collectors.joining(" or "));
    return "Patients with " + with + (not.isEmpty() ? "" : ", and not " + not) + ".";
  }

  private static String group(List<Criterion> criteria, String joiner) {
    String text = criteria.stream().map(CcdlText::criterion).collect(Collectors.joining(joiner));
    return criteria.size() > 1 ? "(" + text + ")" : text;
  }

  static String criterion(Criterion c) {
    StringBuilder b = new StringBuilder(c.termCodes().stream().map(CcdlText::term).collect(Collectors.joining(" or ")));
    if (c.valueFilter() != null) {
      b.append(" with value ").append(filter(c.valueFilter()));
    }
    for (AttributeFilter a : c.attributeFilters()) {
      b.append(" with ").append(term(a.attributeCode())).append(' ').append(filter(a.filter()));
    }
    if (c.timeRestriction() != null) {
      TimeRestriction t = c.timeRestriction();
      b.append(t.afterDate() != null && t.beforeDate() != null ? " between " + t.afterDate() + " and " + t.beforeDate()
          : t.afterDate() != null ? " from " + t.afterDate() : " until " + t.beforeDate());
    }
    return b.toString();
  }

  private static String term(TermCode t) {
    String display = t.display() == null || t.display().isBlank() ? null : t.display();
    return display == null ? t.code() : display + " (" + t.code() + ")";
  }

  private static String filter(Filter f) {
    if (f instanceof Filter.Concept c) {
      return "in " + c.selectedConcepts().stream().map(CcdlText::term).collect(Collectors.joining(", "));
    }
    if (f instanceof Filter.Comparison c) {
      return symbol(c.comparator()) + " " + number(c.value()) + unit(c.unit());
    }
    if (f instanceof Filter.Range r) {
      return "between " + number(r.minValue()) + " and " + number(r.maxValue()) + unit(r.unit());
    }
    Filter.Reference r = (Filter.Reference) f;
    return "referring to " + r.criteria().stream().map(CcdlText::criterion).collect(Collectors.joining(" or "));
  }

  private static String symbol(Comparator c) {
    return switch (c) {
      case GT -> ">";
      case GE -> "≥";
      case LT -> "<";
      case LE -> "≤";
      case EQ -> "=";
      case NE -> "≠";
    };
  }

  private static String number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.format(Locale.ROOT, "%s", v);
  }

  private static String unit(String unit) {
    return unit == null || unit.isBlank() ? "" : " " + unit;
  }
}
