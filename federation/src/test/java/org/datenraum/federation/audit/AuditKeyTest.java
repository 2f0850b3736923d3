package org.datenraum.federation.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditKeyTest {

  @TempDir Path dir;

  @Test
  void createdOwnerOnlyOnceAndReadBackTheSame() throws Exception {
    Path f = dir.resolve("audit.key");
    AuditKey created = AuditKey.loadOrCreate(f, new SecureRandom());
    assertThat(Files.getPosixFilePermissions(f))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    String text = Files.readString(f);
    AuditKey again = AuditKey.loadOrCreate(f, new SecureRandom());
    assertThat(Files.readString(f)).isEqualTo(text);
    AuditEntry e = AuditChain.startKeyed(null, created, Instant.EPOCH, "broker");
    assertThat(AuditChain.mac(again, e)).isEqualTo(e.hash());
    assertThat(AuditKey.load(dir.resolve("absent"))).isEmpty();
  }

  @Test
  void aDamagedKeyFileIsNamed() throws Exception {
    Path f = dir.resolve("audit.key");
    Files.writeString(f, "not a key\n");
    assertThatThrownBy(() -> AuditKey.load(f)).hasMessage("The audit key `" + f
        + "` is not 64 hexadecimal characters: restore it from a backup.");
  }
}
