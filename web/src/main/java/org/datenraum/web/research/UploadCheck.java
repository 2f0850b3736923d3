package org.datenraum.web.research;

import java.util.List;
import org.datenraum.core.Problem;
import org.datenraum.core.Result;
import org.datenraum.query.ccdl.CcdlParser;
import org.datenraum.query.ccdl.CcdlQuery;
import org.datenraum.query.ccdl.Criterion;
import org.datenraum.query.mapping.Mappings;
import org.datenraum.web.kit.Messages;

/**
 * Checks an uploaded file before it replaces the editor's query: it must be CCDL, and every
 * criterion's context and code must be known to the sites' mapping. Stateless and thread-safe.
 */
public final class UploadCheck {

  private UploadCheck() {}

  /** The uploaded text as a query the sites can answer, or the problem worded in the texts' language. */
  public static Result<CcdlQuery> check(String text, Messages t) {
    if (text == null || text.isBlank()) {
      return Result.fail(Problem.invalid("DR-7025", t.get("upload.empty")));
    }
    Result<CcdlQuery> parsed = CcdlParser.parse(text);
    if (!parsed.isOk()) {
      return Result.fail(Problem.invalid("DR-7025", t.get("upload.notCcdl", parsed.problem().code(),
          parsed.problem().text())));
    }
    CcdlQuery q = parsed.value();
    for (List<List<Criterion>> groups : List.of(q.inclusion(), q.exclusion())) {
      for (List<Criterion> g : groups) {
        for (Criterion c : g) {
          for (var code : c.termCodes()) {
            if (Mappings.builtIn().resolve(c.context(), code).isEmpty()) {
              return Result.fail(Problem.invalid("DR-7026", t.get("upload.unknownCode", code.code(),
                  c.context().code())));
            }
          }
        }
      }
    }
    return parsed;
  }
}
