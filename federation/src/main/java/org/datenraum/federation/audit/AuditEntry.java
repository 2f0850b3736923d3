package org.datenraum.federation.audit;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

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
 * @param previous the hash of the previous entry ({@link AuditChain#GENESIS} for the first)
 * @param hash     SHA-256 over all the fields above
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
}
