package org.datenraum.web.research;

import java.util.List;
import org.datenraum.core.Problem;
import org.datenraum.core.Result;
import org.datenraum.query.ccdl.CcdlParser;
import org.datenraum.query.ccdl.CcdlQuery;
import org.datenraum.query.ccdl.Criterion;
import org.datenraum.query.mapping.Mappings;

/**
 * Checks an uploaded file before it replaces the editor's query: it must be CCDL, and every
 * criterion's context and code must be known to the sites' mapping. Stateless and thread-safe.
 */
public final class UploadCheck {

  private UploadCheck() {}

  public static Result<CcdlQuery> check(String text) {
    if (text == null || text.isBlank()) {
      return Result.fail(Problem.invalid("DR-7025", "The uploaded file is empty or larger than 500 kB: upload a CCDL"
          + " JSON file as the editor's download gives it."));
    }
    Result<CcdlQuery> parsed = CcdlParser.parse(text);
    if (!parsed.isOk()) {
      return Result.fail(Problem.invalid("DR-7025", "The uploaded file is not a CCDL query (" + parsed.problem().text()
          + "); nothing was changed."));
    }
    CcdlQuery q = parsed.value();
    for (List<List<Criterion>> groups : List.of(q.inclusion(), q.exclusion())) {
      for (List<Criterion> g : groups) {
        for (Criterion c : g) {
          for (var code : c.termCodes()) {
            if (Mappings.builtIn().resolve(c.context(), code).isEmpty()) {
              return Result.fail(Problem.invalid("DR-7026", "The uploaded query names `" + code.code() + "` in context `"
                  + c.context().code() + "`, which the sites' mapping does not know: pick the term from the tree."));
            }
          }
        }
      }
    }
    return parsed;
  }
}
