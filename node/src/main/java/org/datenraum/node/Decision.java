package org.datenraum.node;

import static java.util.Objects.requireNonNull;

/**
 * A person's decision on a request awaiting approval, handed from the admin command to the
 * running node. Immutable.
 *
 * @param approve whether to answer
 * @param by      who decided (the operating-system user)
 * @param reason  why, for a rejection; shown to the researcher
 */
public record Decision(boolean approve, String by, String reason) {

  public Decision {
    requireNonNull(by, "by");
  }
}
