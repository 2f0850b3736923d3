package org.datenraum.federation.v1;

import java.time.Instant;
import java.util.List;

/**
 * A request as its researcher sees it. Immutable.
 *
 * @param id      the request id
 * @param type    feasibility or stratified
 * @param created when the broker accepted it
 * @param expires when unanswered sites expire
 * @param done    whether every site reached a final status
 * @param sites   the status at every site
 * @param result  the merge of the answers so far
 */
public record RequestView(String id, RequestType type, Instant created, Instant expires, boolean done,
    List<SiteState> sites, MergedResult result) {

  public RequestView {
    Fields.text(id, "id");
    Fields.required(type, "type");
    sites = Fields.list(sites);
    Fields.required(result, "result");
  }
}
