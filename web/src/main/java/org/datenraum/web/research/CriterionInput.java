package org.datenraum.web.research;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.datenraum.core.Problem;
import org.datenraum.core.Result;
import org.datenraum.query.ccdl.Comparator;
import org.datenraum.query.ccdl.Criterion;
import org.datenraum.query.ccdl.Filter;
import org.datenraum.query.ccdl.TimeRestriction;
import org.datenraum.query.terms.Term;
import org.datenraum.query.terms.TermTree;
import org.datenraum.web.kit.Messages;

/**
 * A criterion as the editor's form sends it: a term of the tree, optionally a value filter
 * ({@code eq}, {@code lt}, {@code gt}, {@code le}, {@code ge} or {@code between}, with numbers and a
 * unit) and a time restriction. Immutable.
 *
 * @param termId     the term's id in the tree
 * @param comparator empty for no value filter
 * @param value      the number (the lower bound for {@code between})
 * @param upper      the upper bound for {@code between}
 * @param unit       the UCUM unit, empty for the term's own
 * @param after      the earliest date, empty for none
 * @param before     the latest date, empty for none
 */
public record CriterionInput(String termId, String comparator, String value, String upper, String unit, String after,
    String before) {

  /** The criterion, or the problem that keeps it out of the query, worded in the texts' language. */
  public Result<Criterion> criterion(TermTree tree, Messages texts) {
    Optional<Term> found = tree.find(termId).filter(t -> !t.folder());
    if (found.isEmpty()) {
      return Result.fail(Problem.invalid("DR-7020", texts.get("input.unknownTerm", shown(termId))));
    }
    Term t = found.get();
    try {
      Filter filter = filter(t);
      TimeRestriction time = time(t);
      return Result.ok(new Criterion(t.contextCode(), List.of(t.termCode()), filter, List.of(), time));
    } catch (Refused r) {
      Object[] args = r.args.clone();
      for (int i = 0; i < args.length; i++) {
        if (args[i] instanceof String a && a.startsWith("input.what.")) {
          args[i] = texts.get(a);
        }
      }
      return Result.fail(Problem.invalid(r.code, texts.get(r.key, args)));
    }
  }

  private Filter filter(Term t) {
    String c = blank(comparator) ? "" : comparator.strip();
    if (c.isEmpty()) {
      return null;
    }
    if (!t.takesValue()) {
      throw new Refused("DR-7021", "input.noValueFilter", t.german());
    }
    String u = blank(unit) ? t.valueUnit() : unit.strip();
    double low = number(value, "input.what.value");
    if (c.equals("between")) {
      double high = number(upper, "input.what.upper");
      if (low > high) {
        throw new Refused("DR-7023", "input.backwards", shown(value), shown(upper));
      }
      return new Filter.Range(low, high, u);
    }
    Comparator cmp = Comparator.ofCode(c).filter(x -> x != Comparator.NE)
        .orElseThrow(() -> new Refused("DR-7021", "input.badComparison", shown(c)));
    return new Filter.Comparison(cmp, low, u);
  }

  private TimeRestriction time(Term t) {
    if (blank(after) && blank(before)) {
      return null;
    }
    if (!t.time()) {
      throw new Refused("DR-7024", "input.noTime", t.german());
    }
    LocalDate a = date(after, "input.what.from");
    LocalDate b = date(before, "input.what.until");
    if (a != null && b != null && a.isAfter(b)) {
      throw new Refused("DR-7024", "input.periodBackwards", a.toString(), b.toString());
    }
    return new TimeRestriction(a, b);
  }

  private static double number(String text, String what) {
    if (blank(text)) {
      throw new Refused("DR-7022", "input.noNumber", what);
    }
    try {
      double d = Double.parseDouble(text.strip().replace(',', '.'));
      if (!Double.isFinite(d)) {
        throw new NumberFormatException();
      }
      return d;
    } catch (NumberFormatException e) {
      throw new Refused("DR-7022", "input.notNumber", shown(text), what);
    }
  }

  private static LocalDate date(String text, String what) {
    if (blank(text)) {
      return null;
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new Refused("DR-7024", "input.notDate", shown(text), what);
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String shown(String s) {
    String v = s == null ? "" : s.strip();
    return v.length() > 40 ? v.substring(0, 40) + "…" : v;
  }

  /** A refusal: its code, the key of its text and the text's arguments. */
  private static final class Refused extends RuntimeException {
    private final String code;
    private final String key;
    private final transient Object[] args;

    Refused(String code, String key, Object... args) {
      super(key, null, false, false);
      this.code = code;
      this.key = key;
      this.args = args;
    }
  }
}
