package org.datenraum.federation.audit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.datenraum.federation.v1.AuditHead;

/**
 * The chain of an audit log: each entry carries the previous entry's seal and its own seal over
 * all its fields. From the {@value #KEYED} entry on, the seal is an HMAC-SHA-256 under the log's
 * {@link AuditKey}; entries before it are a legacy SHA-256 chain written before logs had keys,
 * pinned by the keyed entry that follows them. Stateless and thread-safe.
 */
public final class AuditChain {

  /** The "previous" seal of the first entry. */
  public static final String GENESIS = "0".repeat(64);

  /** The action of the entry that starts the keyed part of a log. */
  public static final String KEYED = "audit.keyed";

  private static final byte[] DOMAIN = "datenraum-audit-v1".getBytes(StandardCharsets.UTF_8);

  private AuditChain() {}

  /** The next entry after {@code last} (null for the first), sealed with the key. */
  public static AuditEntry next(AuditEntry last, AuditKey key, Instant at, String actor, String action,
      String request, String detail) {
    long seq = last == null ? 1 : last.seq() + 1;
    String previous = last == null ? GENESIS : last.hash();
    AuditEntry unsealed = new AuditEntry(seq, at, actor, action, request, detail, previous, GENESIS);
    return unsealed.sealed(mac(key, unsealed));
  }

  /**
   * The entry that starts the keyed part after {@code last}: the first entry of a new log, or the
   * entry after the last one of a legacy log, whose entries it pins.
   */
  public static AuditEntry startKeyed(AuditEntry last, AuditKey key, Instant at, String actor) {
    long legacy = last == null ? 0 : last.seq();
    return next(last, key, at, actor, KEYED, "", "legacy=" + legacy);
  }

  /** The position of the {@value #KEYED} entry in the list, or -1 when the log has no keyed part. */
  public static int keyedFrom(List<AuditEntry> entries) {
    for (int i = 0; i < entries.size(); i++) {
      if (entries.get(i).action().equals(KEYED)) {
        return i;
      }
    }
    return -1;
  }

  /** The head of a log: its last entry's number and seal. */
  public static Optional<AuditHead> head(List<AuditEntry> entries) {
    return entries.isEmpty() ? Optional.empty() : Optional.of(entries.get(entries.size() - 1).head());
  }

  /** The HMAC a keyed entry must carry; fields are length-prefixed, so no text can move between them. */
  static String mac(AuditKey key, AuditEntry e) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    field(out, DOMAIN);
    field(out, Long.toString(e.seq()).getBytes(StandardCharsets.UTF_8));
    for (String s : List.of(e.at().toString(), e.actor(), e.action(), e.request(), e.detail(), e.previous())) {
      field(out, s.getBytes(StandardCharsets.UTF_8));
    }
    return key.mac(out.toByteArray());
  }

  private static void field(ByteArrayOutputStream out, byte[] bytes) {
    out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
    out.writeBytes(bytes);
  }

  /** The SHA-256 a legacy (unkeyed) entry must carry. */
  static String legacyHash(AuditEntry e) {
    String canonical = String.join("\u001f", Long.toString(e.seq()), e.at().toString(), e.actor(), e.action(),
        e.request(), e.detail(), e.previous());
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException ex) {
      throw new IllegalStateException("SHA-256 is missing from the JDK", ex);
    }
  }
}
