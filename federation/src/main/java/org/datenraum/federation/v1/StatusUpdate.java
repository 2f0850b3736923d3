package org.datenraum.federation.v1;

/**
 * A node's report of a status change. Immutable.
 *
 * @param status  the new status (retrieved, interaction, processing, rejected or failed)
 * @param message a short reason for rejected or failed, shown to the researcher; no clinical data
 */
public record StatusUpdate(SiteStatus status, String message) {

  public StatusUpdate {
    Fields.required(status, "status");
    if (message != null && message.length() > 500) {
      throw Fields.invalid("message", "`message` must be at most 500 characters.");
    }
  }
}
