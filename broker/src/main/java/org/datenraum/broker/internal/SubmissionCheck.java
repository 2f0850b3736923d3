package org.datenraum.broker.internal;

import org.datenraum.core.Problem;
import org.datenraum.core.Result;
import org.datenraum.federation.v1.RequestType;
import org.datenraum.federation.v1.Submission;
import org.datenraum.query.ccdl.CcdlParser;
import org.datenraum.query.ccdl.CcdlQuery;

/**
 * Checks a researcher's submission before it is accepted (and before it counts against the
 * quota): the CCDL must pass the parser that {@code datenraum query} and every node run first.
 * Compiling against a term-code mapping stays with the sites, which may load their own mappings,
 * so a code unknown to one site is not refused for all. A report request's query was checked when
 * the submission was read ({@link org.datenraum.federation.v1.ReportQuery}). Stateless.
 */
final class SubmissionCheck {

  private SubmissionCheck() {}

  /** Throws a 400 problem carrying the parser's code when the query is not valid CCDL. */
  static void check(Submission s) {
    if (s.type() == RequestType.REPORT) {
      return;
    }
    Result<CcdlQuery> parsed = CcdlParser.read(s.query());
    if (!parsed.isOk()) {
      Problem p = parsed.problem();
      throw new ApiProblem(400, "Invalid query", p.code(), "The query is not valid CCDL: " + p.message(), "$.query",
          null);
    }
  }
}
