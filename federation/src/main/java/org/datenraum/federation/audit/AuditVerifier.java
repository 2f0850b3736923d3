package org.datenraum.federation.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.datenraum.core.Problem;

/**
 * Verifies an audit log: the chain (numbering, links, seals under the key) and every head held
 * outside the log. Finds editing, inserting, removing and reordering entries, entries added or
 * re-sealed without the key, and entries cut off the end that an anchor had seen. Stateless and
 * thread-safe.
 */
public final class AuditVerifier {

  private AuditVerifier() {}

  /**
   * @param entries the log, oldest first
   * @param key     the log's key; empty when no key file exists
   * @param anchors heads held outside the log
   */
  public static AuditReport verify(List<AuditEntry> entries, Optional<AuditKey> key, List<AuditAnchor> anchors) {
    int keyedFrom = AuditChain.keyedFrom(entries);
    int legacy = keyedFrom < 0 ? entries.size() : keyedFrom;
    List<Problem> problems = new ArrayList<>();
    chain(entries, keyedFrom, key).ifPresent(problems::add);
    if (keyedFrom < 0 && key.isPresent() && !entries.isEmpty()) {
      problems.add(broken("DR-5905", "the log has no `" + AuditChain.KEYED + "` entry although it has a key:"
          + " entries 1 to " + entries.size() + " were rewritten as an unkeyed chain."));
    }
    for (AuditAnchor a : anchors) {
      anchor(entries, a).ifPresent(problems::add);
    }
    return new AuditReport(entries.size(), legacy, keyedFrom >= 0, problems);
  }

  /** The first broken link, or empty. */
  private static Optional<Problem> chain(List<AuditEntry> entries, int keyedFrom, Optional<AuditKey> key) {
    String previous = AuditChain.GENESIS;
    for (int i = 0; i < entries.size(); i++) {
      AuditEntry e = entries.get(i);
      long n = i + 1L;
      if (e.seq() != n) {
        return Optional.of(broken("DR-5902", "entry " + n + " is missing or out of order (found entry " + e.seq()
            + " in its place)."));
      }
      if (!e.previous().equals(previous)) {
        return Optional.of(broken("DR-5902", "entry " + n + " does not follow entry " + (n - 1)
            + ": an entry before it was changed, removed or inserted."));
      }
      boolean keyed = keyedFrom >= 0 && i >= keyedFrom;
      if (keyed && key.isEmpty()) {
        return Optional.of(broken("DR-5905", "entries from " + n + " on are keyed, but the log's audit key is"
            + " missing: restore the key file from a backup to verify them."));
      }
      String expected = keyed ? AuditChain.mac(key.get(), e) : AuditChain.legacyHash(e);
      if (!expected.equals(e.hash())) {
        return Optional.of(broken("DR-5901", keyed
            ? "entry " + n + " was altered or added without the audit key: its MAC does not match its content."
            : "entry " + n + " was altered: its hash does not match its content."));
      }
      previous = e.hash();
    }
    return Optional.empty();
  }

  private static Optional<Problem> anchor(List<AuditEntry> entries, AuditAnchor a) {
    long held = a.head().seq();
    if (entries.size() < held) {
      String cut = entries.size() + 1 == held ? "entry " + held + " was" : "entries " + (entries.size() + 1) + " to "
          + held + " were";
      return Optional.of(broken("DR-5903", "the log ends at entry " + entries.size() + ", but " + a.source()
          + " holds entry " + held + " as its head: " + cut + " cut off."));
    }
    AuditEntry e = entries.get((int) held - 1);
    if (e.seq() != held || !e.hash().equals(a.head().mac())) {
      return Optional.of(broken("DR-5904", "entry " + held + " is not the entry " + a.source()
          + " holds as its head: the log was rewritten up to it."));
    }
    return Optional.empty();
  }

  private static Problem broken(String code, String message) {
    return new Problem(Problem.Category.CONFLICT, code, message);
  }
}
