package org.datenraum.federation.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.datenraum.files.OwnerOnly;
import org.datenraum.federation.v1.AuditHead;
import org.datenraum.federation.v1.WireFormatException;
import org.datenraum.federation.v1.WireJson;

/** A file holding one audit head as JSON, replaced atomically, owner-only. Stateless. */
public final class AuditHeadFile {

  private AuditHeadFile() {}

  /** The head in the file, or empty when the file does not exist. */
  public static Optional<AuditHead> read(Path file) {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(WireJson.read(Files.readString(file, StandardCharsets.UTF_8), AuditHead.class));
    } catch (WireFormatException e) {
      throw new IllegalArgumentException("The audit head file `" + file + "` is not an audit head ("
          + e.getMessage() + "): it should hold {\"seq\":N,\"mac\":\"...\"}.", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the audit head file " + file + ": " + e.getMessage(), e);
    }
  }

  /** Replaces the file's content with the head. */
  public static void write(Path file, AuditHead head) {
    try {
      Path tmp = OwnerOnly.createTempFile(file.toAbsolutePath().getParent(), ".tmp-", ".json");
      Files.writeString(tmp, WireJson.write(head) + "\n", StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the audit head file " + file + ": " + e.getMessage(), e);
    }
  }
}
