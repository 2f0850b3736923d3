package org.datenraum.node.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.stream.Collectors;
import org.datenraum.core.Result;
import org.datenraum.federation.v1.RequestDocument;
import org.datenraum.federation.v1.RequestType;
import org.datenraum.query.ccdl.CcdlParser;
import org.datenraum.query.ccdl.CcdlQuery;
import org.datenraum.query.ccdl.CcdlText;

/** A request as a person deciding on it reads it: one sentence, and the query as JSON. */
public final class RequestText {

  private static final ObjectMapper JSON = new ObjectMapper();

  private RequestText() {}

  /** The request in words: the CCDL sentence, the strata asked for, or what a report or round asks. */
  public static String readable(RequestDocument d) {
    if (d.type() == RequestType.FEASIBILITY || d.type() == RequestType.STRATIFIED) {
      Result<CcdlQuery> q = CcdlParser.read(d.query());
      String text = q.isOk() ? CcdlText.describe(q.value()) : "The query is not valid CCDL: " + q.problem().text();
      if (!d.stratify().isEmpty()) {
        text += " Counted by " + d.stratify().stream().map(org.datenraum.federation.v1.Stratum::wire).collect(Collectors.joining(", ")) + ".";
      }
      return text;
    }
    return "A " + d.type().wire() + " request: " + compact(d);
  }

  /** The query as the researcher sent it, indented. */
  public static String json(RequestDocument d) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(d.query());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the query of request " + d.id(), e);
    }
  }

  private static String compact(RequestDocument d) {
    String s = d.query().toString();
    return s.length() > 300 ? s.substring(0, 300) + " …" : s;
  }
}
