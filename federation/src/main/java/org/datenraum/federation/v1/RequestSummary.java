package org.datenraum.federation.v1;

import java.time.Instant;

/**
 * One of a researcher's requests in a listing, without its result. Immutable.
 *
 * @param id         the request id
 * @param type       feasibility or stratified
 * @param created    when the broker accepted it
 * @param expires    when unanswered sites expire
 * @param done       whether every site reached a final status
 * @param sites      the number of sites it went to
 * @param sitesFinal the number of those with a final status
 */
public record RequestSummary(String id, RequestType type, Instant created, Instant expires, boolean done, int sites,
    int sitesFinal) {

  public RequestSummary {
    Fields.text(id, "id");
    Fields.required(type, "type");
    Fields.required(created, "created");
    Fields.required(expires, "expires");
    if (sites < 0 || sitesFinal < 0 || sitesFinal > sites) {
      throw Fields.invalid("sitesFinal", "`sitesFinal` " + sitesFinal + " must lie between 0 and `sites` " + sites + ".");
    }
  }
}
