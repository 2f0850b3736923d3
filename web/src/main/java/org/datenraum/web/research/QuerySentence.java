package org.datenraum.web.research;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.datenraum.query.ccdl.CcdlQuery;
import org.datenraum.query.ccdl.Criterion;
import org.datenraum.query.ccdl.Filter;
import org.datenraum.query.ccdl.TermCode;
import org.datenraum.query.ccdl.TimeRestriction;
import org.datenraum.query.terms.TermTree;
import org.datenraum.web.kit.Messages;

/**
 * A query as one sentence for people: "Patients with (A or B) and C and not (D and E)". Displays
 * come from the term tree in the page's language, else from the query. Stateless and thread-safe.
 */
public final class QuerySentence {

  private QuerySentence() {}

  public static String of(CcdlQuery q, Messages t, TermTree tree) {
    StringBuilder s = new StringBuilder(t.get("sentence.patients")).append(' ');
    s.append(q.inclusion().stream().map(g -> group(g, t.get("sentence.or"), t, tree))
        .collect(Collectors.joining(" " + t.get("sentence.and") + " ")));
    for (List<Criterion> g : q.exclusion()) {
      s.append(' ').append(t.get("sentence.andNot")).append(' ').append(group(g, t.get("sentence.and"), t, tree));
    }
    return s.append('.').toString();
  }

  private static String group(List<Criterion> g, String joiner, Messages t, TermTree tree) {
    String inner = g.stream().map(c -> criterion(c, t, tree)).collect(Collectors.joining(" " + joiner + " "));
    return g.size() > 1 ? "(" + inner + ")" : inner;
  }

  /** One criterion: its terms, value filter and period. */
  public static String criterion(Criterion c, Messages t, TermTree tree) {
    StringBuilder s = new StringBuilder(c.termCodes().stream()
        .map(code -> tree.byCode(c.context().code(), code.system(), code.code()).map(term -> term.display(t.lang()))
            .orElseGet(() -> display(code, t.lang(), tree)))
        .collect(Collectors.joining(" / ")));
    Filter f = c.valueFilter();
    if (f instanceof Filter.Comparison cmp) {
      s.append(' ').append(symbol(cmp.comparator().code())).append(' ').append(t.decimal(cmp.value(), 4)).append(unit(cmp.unit()));
    } else if (f instanceof Filter.Range r) {
      s.append(' ').append(t.get("sentence.between", t.decimal(r.minValue(), 4), t.decimal(r.maxValue(), 4))).append(unit(r.unit()));
    } else if (f instanceof Filter.Concept concept) {
      s.append(": ").append(concept.selectedConcepts().stream().map(code -> display(code, t.lang(), tree))
          .collect(Collectors.joining(" / ")));
    }
    TimeRestriction time = c.timeRestriction();
    if (time != null) {
      if (time.afterDate() != null && time.beforeDate() != null) {
        s.append(", ").append(t.get("sentence.period", time.afterDate().toString(), time.beforeDate().toString()));
      } else if (time.afterDate() != null) {
        s.append(", ").append(t.get("sentence.from", time.afterDate().toString()));
      } else {
        s.append(", ").append(t.get("sentence.until", time.beforeDate().toString()));
      }
    }
    return s.toString();
  }

  static String display(TermCode code, String lang, TermTree tree) {
    return tree.byCode(code.system(), code.code()).map(term -> term.display(lang))
        .orElse(code.display() == null ? code.code() : code.display());
  }

  private static String symbol(String comparator) {
    return switch (comparator) {
      case "eq" -> "=";
      case "lt" -> "<";
      case "gt" -> ">";
      case "le" -> "≤";
      case "ge" -> "≥";
      default -> "≠";
    };
  }


  private static String unit(String u) {
    return u == null ? "" : " " + u;
  }
}
