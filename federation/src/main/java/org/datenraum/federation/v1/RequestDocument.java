package org.datenraum.federation.v1;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.datenraum.core.Coding;

/**
 * A request as a node receives it. Immutable.
 *
 * @param id         the broker's request id
 * @param researcher who asked (the researcher's registered name)
 * @param type       feasibility or stratified
 * @param query      the CCDL JSON object
 * @param stratify   strata of a stratified request
 * @param yearOf     code for the {@code year} stratum, or null
 * @param created    when the broker accepted it
 * @param expires    after this the broker accepts no answer
 */
public record RequestDocument(String id, String researcher, RequestType type, JsonNode query,
    List<Stratum> stratify, Coding yearOf, Instant created, Instant expires) {

  public RequestDocument {
    Fields.text(id, "id");
    Fields.text(researcher, "researcher");
    Fields.required(type, "type");
    Fields.required(query, "query");
    stratify = Fields.list(stratify);
    Fields.required(created, "created");
    Fields.required(expires, "expires");
  }
}
