package org.datenraum.web.research;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.datenraum.core.Problem;
import org.datenraum.core.Result;
import org.datenraum.federation.v1.ReportQuery;

/**
 * The registry reports the portal offers, with their parameters, and the check of a filled form
 * before anything is sent. Sites may know more reports; these are the ones every node produces.
 */
public final class ReportForms {

  /** What a parameter's value must look like. */
  public enum Kind {
    /** YYYY-MM. */ MONTH,
    /** YYYY-MM-DD. */ DATE,
    /** A code: letters, digits, dots and hyphens. */ CODE,
    /** A whole number of at least 0. */ COUNT,
    /** A decimal number of at least 0. */ AMOUNT
  }

  /** A parameter of a report; {@code required} ones must be filled. */
  public record Param(String name, Kind kind, boolean required) {}

  /**
   * A report and its parameters.
   *
   * @param anyOf parameters of which at least one must be filled (empty: no such rule)
   */
  public record Form(String name, List<Param> params, List<String> anyOf) {
    public Form {
      params = List.copyOf(params);
      anyOf = List.copyOf(anyOf);
    }

    public Optional<Param> param(String name) {
      return params.stream().filter(p -> p.name().equals(name)).findFirst();
    }
  }

  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]{0,39}");
  private static final Pattern COUNT = Pattern.compile("[0-9]{1,6}");
  private static final Pattern AMOUNT = Pattern.compile("[0-9]{1,6}(\\.[0-9]{1,3})?");

  private static final List<Form> FORMS = List.of(
      new Form("inventory", List.of(), List.of()),
      new Form("emergency", List.of(new Param("month", Kind.MONTH, true)), List.of()),
      new Form("icu", List.of(new Param("from", Kind.DATE, false), new Param("to", Kind.DATE, false)), List.of()),
      new Form("biosamples", List.of(new Param("sample-type", Kind.CODE, false), new Param("diagnosis", Kind.CODE, false),
          new Param("within-days", Kind.COUNT, false), new Param("min-ml", Kind.AMOUNT, false),
          new Param("group", Kind.CODE, false)),
          List.of("sample-type", "diagnosis")));

  private ReportForms() {}

  /** The reports in the order the page lists them. */
  public static List<Form> all() {
    return FORMS;
  }

  public static Optional<Form> form(String name) {
    return FORMS.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  /**
   * The report query of a filled form, or why it cannot be sent. Blank values count as not given;
   * a field that is not one of the report's parameters is refused.
   */
  public static Result<ReportQuery> check(String report, Map<String, String> values) {
    Optional<Form> f = form(report == null ? "" : report.strip());
    if (f.isEmpty()) {
      return Result.fail(Problem.invalid("DR-7060", "Report `" + shorten(report) + "` is not one the portal offers:"
          + " expected one of " + names() + "."));
    }
    Map<String, String> given = new TreeMap<>();
    for (var e : values.entrySet()) {
      String v = e.getValue() == null ? "" : e.getValue().strip();
      if (f.get().param(e.getKey()).isEmpty()) {
        return Result.fail(Problem.invalid("DR-7061", "Report `" + report + "` has no parameter `" + shorten(e.getKey())
            + "`: expected " + (f.get().params().isEmpty() ? "none" : paramNames(f.get())) + "."));
      }
      if (!v.isEmpty()) {
        given.put(e.getKey(), v);
      }
    }
    for (Param p : f.get().params()) {
      String v = given.get(p.name());
      if (v == null && p.required()) {
        return Result.fail(Problem.invalid("DR-7062", "Report `" + report + "` needs parameter `" + p.name() + "`: "
            + expected(p.kind()) + "."));
      }
      if (v != null && !valid(p.kind(), v)) {
        return Result.fail(Problem.invalid("DR-7063", "`" + shorten(v) + "` is not a value for `" + p.name() + "`: "
            + expected(p.kind()) + "."));
      }
    }
    if (!f.get().anyOf().isEmpty() && f.get().anyOf().stream().noneMatch(given::containsKey)) {
      return Result.fail(Problem.invalid("DR-7064", "Report `" + report + "` needs at least one of "
          + String.join(", ", f.get().anyOf().stream().map(n -> "`" + n + "`").toList()) + ": fill one."));
    }
    if (given.containsKey("from") && given.containsKey("to")
        && LocalDate.parse(given.get("from")).isAfter(LocalDate.parse(given.get("to")))) {
      return Result.fail(Problem.invalid("DR-7065", "`from` " + given.get("from") + " lies after `to` "
          + given.get("to") + ": expected a period whose start is not after its end."));
    }
    return Result.ok(new ReportQuery(f.get().name(), given));
  }

  private static boolean valid(Kind kind, String v) {
    try {
      return switch (kind) {
        case MONTH -> v.length() == 7 && YearMonth.parse(v) != null;
        case DATE -> v.length() == 10 && LocalDate.parse(v) != null;
        case CODE -> CODE.matcher(v).matches();
        case COUNT -> COUNT.matcher(v).matches();
        case AMOUNT -> AMOUNT.matcher(v).matches() && new BigDecimal(v).signum() >= 0;
      };
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static String expected(Kind kind) {
    return switch (kind) {
      case MONTH -> "expected a month as YYYY-MM, such as `2026-11`";
      case DATE -> "expected a date as YYYY-MM-DD, such as `2026-11-30`";
      case CODE -> "expected a code of letters, digits, dots and hyphens, such as `E11` or `119364003`";
      case COUNT -> "expected a whole number of at least 0, such as `30`";
      case AMOUNT -> "expected a number of at least 0 with at most three decimals, such as `1.5`";
    };
  }

  private static String names() {
    return String.join(", ", FORMS.stream().map(f -> "`" + f.name() + "`").toList());
  }

  private static String paramNames(Form f) {
    return String.join(", ", f.params().stream().map(p -> "`" + p.name() + "`").toList());
  }

  private static String shorten(String s) {
    return s == null ? "null" : s.length() > 40 ? s.substring(0, 40) + "..." : s;
  }
}
