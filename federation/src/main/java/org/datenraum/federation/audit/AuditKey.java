package org.datenraum.federation.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.datenraum.files.OwnerOnly;

/**
 * The secret that seals an audit log (HMAC-SHA-256): 32 random bytes in a file of their own,
 * beside the log but never in it, owner-only, created at first start and never logged. Whoever
 * edits the log without this key cannot produce entries that verify. Immutable and thread-safe.
 */
public final class AuditKey {

  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;

  private AuditKey(byte[] bytes) {
    this.key = new SecretKeySpec(bytes, ALGORITHM);
  }

  /** The key in {@code file}, if the file exists. */
  public static Optional<AuditKey> load(Path file) {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      String hex = Files.readString(file, StandardCharsets.UTF_8).strip();
      if (!hex.matches("[0-9a-f]{64}")) {
        throw new IllegalArgumentException("The audit key `" + file + "` is not 64 hexadecimal characters:"
            + " restore it from a backup.");
      }
      return Optional.of(new AuditKey(HexFormat.of().parseHex(hex)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the audit key " + file + ": " + e.getMessage(), e);
    }
  }

  /** The key in {@code file}, created (owner-only) with fresh random bytes when the file is absent. */
  public static AuditKey loadOrCreate(Path file, SecureRandom random) {
    Optional<AuditKey> found = load(file);
    if (found.isPresent()) {
      return found.get();
    }
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    try {
      OwnerOnly.writeNew(file, (HexFormat.of().formatHex(bytes) + "\n").getBytes(StandardCharsets.US_ASCII));
      return new AuditKey(bytes);
    } catch (FileAlreadyExistsException e) {
      return load(file).orElseThrow();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the audit key " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * The key for a log about to be appended to: the one in {@code file}, or a new one for a log
   * without a keyed part. Refuses a keyed log whose key is missing, and a log with entries but no
   * keyed part while a key exists (an unkeyed log put in place of a keyed one would otherwise be
   * pinned by the next start).
   */
  public static AuditKey forLog(List<AuditEntry> entries, Path file, SecureRandom random) {
    boolean keyed = AuditChain.keyedFrom(entries) >= 0;
    Optional<AuditKey> found = load(file);
    if (keyed && found.isEmpty()) {
      throw new IllegalStateException("DR-5905 The audit log is keyed, but its key `" + file
          + "` is missing: restore the key file from a backup.");
    }
    if (!keyed && found.isPresent() && !entries.isEmpty()) {
      throw new IllegalStateException("DR-5905 The audit log has " + entries.size() + " entries but no `"
          + AuditChain.KEYED + "` entry although its key `" + file + "` exists: it was replaced by an unkeyed log;"
          + " only if the first start with keys stopped before keying it, move the key file away and start again.");
    }
    return found.orElseGet(() -> loadOrCreate(file, random));
  }

  /** A key from bytes, for tests. */
  static AuditKey of(byte[] bytes) {
    return new AuditKey(bytes.clone());
  }

  /** HMAC-SHA-256 of the message, in lowercase hexadecimal. */
  String mac(byte[] message) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return HexFormat.of().formatHex(mac.doFinal(message));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from the JDK", e);
    }
  }

  @Override
  public String toString() {
    return "AuditKey[redacted]";
  }
}
