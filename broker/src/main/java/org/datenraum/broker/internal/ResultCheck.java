package org.datenraum.broker.internal;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.datenraum.core.Sex;
import org.datenraum.federation.v1.Count;
import org.datenraum.federation.v1.RequestType;
import org.datenraum.federation.v1.SiteResult;
import org.datenraum.federation.v1.Stratum;
import org.datenraum.federation.v1.Submission;

/**
 * Checks a site's answer against the request it answers, as if an attacker wrote it: a
 * feasibility count or a surveillance round carries no strata, a stratified answer carries
 * exactly the strata asked for, each cell is a value that stratum can take, and every count is
 * bounded ({@link Count#MAX}). The sites' rounding is theirs and unknown here, so the broker does
 * not check multiples of it. Stateless.
 */
final class ResultCheck {

  private static final Pattern AGE_BAND = Pattern.compile("(\\d{1,3})-(\\d{1,3})");
  private static final Pattern YEAR = Pattern.compile("\\d{1,4}");
  private static final int OLDEST_BAND = 150;

  private ResultCheck() {}

  /** Throws a 400 problem naming the offending part when the answer does not fit the request. */
  static void check(String id, Submission request, SiteResult r) {
    if (request.type() == RequestType.REPORT) {
      ReportCheck.check(id, r);
      return;
    }
    if (request.type() != RequestType.STRATIFIED) {
      if (!r.strata().isEmpty()) {
        throw refused("$.strata", "Request `" + id + "` is a `" + request.type().wire() + "` request: its answer"
            + " carries only `total`, not strata " + r.strata().keySet() + ".");
      }
      return;
    }
    Set<String> asked = new TreeSet<>();
    request.stratify().forEach(s -> asked.add(s.wire()));
    if (!asked.equals(new TreeSet<>(r.strata().keySet()))) {
      throw refused("$.strata", "Request `" + id + "` asked for the strata " + asked + ", the answer carries "
          + new TreeSet<>(r.strata().keySet()) + ": answer exactly the strata asked for.");
    }
    for (Stratum s : request.stratify()) {
      for (String cell : r.strata().get(s.wire()).keySet()) {
        if (!cell(s, cell)) {
          throw refused("$.strata." + s.wire(), "Cell `" + cell + "` is not a value of stratum `" + s.wire()
              + "`: expected " + expected(s) + ".");
        }
      }
    }
  }

  private static boolean cell(Stratum s, String cell) {
    if (cell.equals(Sex.UNKNOWN.code())) {
      return true;
    }
    return switch (s) {
      case SEX -> Sex.ofCode(cell).code().equals(cell);
      case AGE -> ageBand(cell) || cell.equals("100+");
      case YEAR -> YEAR.matcher(cell).matches() || cell.equals("earlier") || cell.equals("later");
    };
  }

  private static boolean ageBand(String cell) {
    Matcher m = AGE_BAND.matcher(cell);
    if (!m.matches()) {
      return false;
    }
    int low = Integer.parseInt(m.group(1));
    return low % 10 == 0 && low <= OLDEST_BAND && Integer.parseInt(m.group(2)) == low + 9
        && cell.equals(low + "-" + (low + 9));
  }

  private static String expected(Stratum s) {
    return switch (s) {
      case SEX -> "`female`, `male`, `other` or `unknown`";
      case AGE -> "a 10-year band such as `60-69`, `100+` or `unknown`";
      case YEAR -> "a year such as `2024`, `earlier`, `later` or `unknown`";
    };
  }

  static ApiProblem refused(String field, String detail) {
    return new ApiProblem(400, "Answer does not fit the request", "DR-5420", detail, field, null);
  }
}
