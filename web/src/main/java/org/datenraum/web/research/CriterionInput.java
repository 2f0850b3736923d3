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

  /** The criterion, or the problem that keeps it out of the query. */
  public Result<Criterion> criterion(TermTree tree) {
    Optional<Term> found = tree.find(termId).filter(t -> !t.folder());
    if (found.isEmpty()) {
      return fail("DR-7020", "Unknown term `" + shown(termId) + "`: pick a term from the tree or the search results.");
    }
    Term t = found.get();
    try {
      Filter filter = filter(t);
      TimeRestriction time = time(t);
      return Result.ok(new Criterion(t.contextCode(), List.of(t.termCode()), filter, List.of(), time));
    } catch (Refused r) {
      return Result.fail(r.problem);
    }
  }

  private Filter filter(Term t) {
    String c = blank(comparator) ? "" : comparator.strip();
    if (c.isEmpty()) {
      return null;
    }
    if (!t.takesValue()) {
      throw new Refused("DR-7021", "`" + t.german() + "` takes no value filter: leave the comparison empty.");
    }
    String u = blank(unit) ? t.valueUnit() : unit.strip();
    double low = number(value, "value");
    if (c.equals("between")) {
      double high = number(upper, "upper bound");
      if (low > high) {
        throw new Refused("DR-7023", "The range `" + low + "` to `" + high + "` runs backwards: give the smaller"
            + " number first.");
      }
      return new Filter.Range(low, high, u);
    }
    Comparator cmp = Comparator.ofCode(c).filter(x -> x != Comparator.NE)
        .orElseThrow(() -> new Refused("DR-7021", "Comparison `" + shown(c) + "` is not one of `eq`, `lt`, `gt`,"
            + " `le`, `ge`, `between`."));
    return new Filter.Comparison(cmp, low, u);
  }

  private TimeRestriction time(Term t) {
    if (blank(after) && blank(before)) {
      return null;
    }
    if (!t.time()) {
      throw new Refused("DR-7024", "`" + t.german() + "` takes no time restriction: leave the dates empty.");
    }
    LocalDate a = date(after, "from");
    LocalDate b = date(before, "until");
    if (a != null && b != null && a.isAfter(b)) {
      throw new Refused("DR-7024", "The period from `" + a + "` until `" + b + "` runs backwards: swap the dates.");
    }
    return new TimeRestriction(a, b);
  }

  private static double number(String text, String what) {
    if (blank(text)) {
      throw new Refused("DR-7022", "The value filter has no number (" + what + "): enter a number such as `60`, or"
          + " leave the comparison empty.");
    }
    try {
      double d = Double.parseDouble(text.strip().replace(',', '.'));
      if (!Double.isFinite(d)) {
        throw new NumberFormatException();
      }
      return d;
    } catch (NumberFormatException e) {
      throw new Refused("DR-7022", "`" + shown(text) + "` is not a number (" + what + "): enter a number such as"
          + " `60` or `7,5`.");
    }
  }

  private static LocalDate date(String text, String what) {
    if (blank(text)) {
      return null;
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new Refused("DR-7024", "`" + shown(text) + "` is not a date (" + what + "): use YYYY-MM-DD.");
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String shown(String s) {
    String v = s == null ? "" : s.strip();
    return v.length() > 40 ? v.substring(0, 40) + "…" : v;
  }

  private static Result<Criterion> fail(String code, String message) {
    return Result.fail(Problem.invalid(code, message));
  }

  private static final class Refused extends RuntimeException {
    private final transient Problem problem;

    Refused(String code, String message) {
      super(message, null, false, false);
      this.problem = Problem.invalid(code, message);
    }
  }
}
