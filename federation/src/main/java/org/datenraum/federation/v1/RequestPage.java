package org.datenraum.federation.v1;

import java.util.List;

/**
 * A page of a researcher's own requests, newest first. Immutable.
 *
 * @param requests the requests of this page
 * @param next     the {@code before} of the next page, or null on the last page
 */
public record RequestPage(List<RequestSummary> requests, String next) {

  public RequestPage {
    requests = Fields.list(requests);
  }
}
