package org.datenraum.federation.audit;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.datenraum.federation.v1.AuditHead;

/**
 * One line of an append-only audit log: who did what to which request, chained to the line
 * before by {@code previous}, and sealed by {@code hash}. Details carry ids, decisions and
 * released aggregates, never identifying or clinical values. Immutable.
 *
 * @param seq      position in the log, from 1
 * @param at       when it happened
 * @param actor    the principal or component that acted
 * @param action   what happened, e.g. {@code request.submitted}
 * @param request  the request id, or empty
 * @param detail   a short description
 * @param previous the seal of the previous entry ({@link AuditChain#GENESIS} for the first)
 * @param hash     the seal over all the fields above: HMAC-SHA-256 under the log's key from the
 *                 {@value AuditChain#KEYED} entry on, plain SHA-256 in a legacy part before it
 */
public record AuditEntry(long seq, Instant at, String actor, String action, String request, String detail,
    String previous, String hash) {

  public AuditEntry {
    requireNonNull(at, "at");
    requireNonNull(actor, "actor");
    requireNonNull(action, "action");
    request = request == null ? "" : request;
    detail = detail == null ? "" : detail;
    requireNonNull(previous, "previous");
    requireNonNull(hash, "hash");
  }

  /** This entry with another seal. */
  AuditEntry sealed(String seal) {
    return new AuditEntry(seq, at, actor, action, request, detail, previous, seal);
  }

  /** This entry as the head another end holds. */
  public AuditHead head() {
    return new AuditHead(seq, hash);
  }
}
