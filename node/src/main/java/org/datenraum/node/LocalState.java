package org.datenraum.node;

/** What the site has decided or done about a request. */
public enum LocalState {
  /** Waiting for a person to approve or reject it. */
  AWAITING_APPROVAL,
  /** Approved (by rule or person), being answered. */
  APPROVED,
  /** Rejected by a person. */
  REJECTED,
  /** The protected answer was produced; it is uploaded until the broker has it. */
  ANSWERED,
  /** It could not be answered here (e.g. an unknown code). */
  FAILED
}
