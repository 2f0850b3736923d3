package org.datenraum.node.admin;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.datenraum.core.QuarantineEntry;

/**
 * The quarantined records that share a reason (the problem's code), with one page of them.
 * Immutable.
 *
 * @param code    the problem code, e.g. {@code DR-1204}
 * @param example one message of this reason, for the heading
 * @param count   records with this reason
 * @param page    the entries of the requested page, in load order
 */
public record QuarantineGroup(String code, String example, long count, List<QuarantineEntry> page) {

  public QuarantineGroup {
    requireNonNull(code, "code");
    requireNonNull(example, "example");
    page = List.copyOf(page);
  }
}
