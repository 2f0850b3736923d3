package org.datenraum.federation.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The hash chain of an audit log: each entry's hash covers its fields and the previous entry's
 * hash, so changing, removing or reordering any entry breaks every later link. Stateless and
 * thread-safe.
 */
public final class AuditChain {

  /** The "previous hash" of the first entry. */
  public static final String GENESIS = "0".repeat(64);

  private AuditChain() {}

  /** The next entry after {@code last} (null for the first). */
  public static AuditEntry next(AuditEntry last, Instant at, String actor, String action, String request,
      String detail) {
    long seq = last == null ? 1 : last.seq() + 1;
    String previous = last == null ? GENESIS : last.hash();
    String r = request == null ? "" : request;
    String d = detail == null ? "" : detail;
    return new AuditEntry(seq, at, actor, action, r, d, previous, hash(seq, at, actor, action, r, d, previous));
  }

  /** The hash an entry must have. */
  public static String hash(long seq, Instant at, String actor, String action, String request, String detail,
      String previous) {
    String canonical = String.join("\u001f", Long.toString(seq), at.toString(), actor, action, request, detail, previous);
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from the JDK", e);
    }
  }

  /** The first broken link as a one-sentence description, or empty when the chain is intact. */
  public static Optional<String> verify(List<AuditEntry> entries) {
    String previous = GENESIS;
    long expected = 1;
    for (AuditEntry e : entries) {
      if (e.seq() != expected) {
        return Optional.of("entry " + expected + " is missing or out of order (found " + e.seq() + ").");
      }
      if (!e.previous().equals(previous)) {
        return Optional.of("entry " + e.seq() + " does not follow entry " + (e.seq() - 1) + ": the log was changed.");
      }
      String h = hash(e.seq(), e.at(), e.actor(), e.action(), e.request(), e.detail(), e.previous());
      if (!h.equals(e.hash())) {
        return Optional.of("entry " + e.seq() + " was altered: its hash does not match its content.");
      }
      previous = e.hash();
      expected++;
    }
    return Optional.empty();
  }
}
