package org.datenraum.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnerOnlyTest {

  @TempDir
  Path tmp;

  @Test
  void everyWayOfCreatingGivesOwnerOnlyModes() throws Exception {
    Path dir = OwnerOnly.createDirectories(tmp.resolve("a/b/c"));
    assertThat(mode(tmp.resolve("a"))).isEqualTo("rwx------");
    assertThat(mode(dir)).isEqualTo("rwx------");
    assertThat(mode(OwnerOnly.createFile(dir.resolve("f")))).isEqualTo("rw-------");
    assertThat(OwnerOnly.createIfAbsent(dir.resolve("g"))).isTrue();
    assertThat(OwnerOnly.createIfAbsent(dir.resolve("g"))).isFalse();
    assertThat(mode(dir.resolve("g"))).isEqualTo("rw-------");
    try (FileChannel ch = OwnerOnly.open(dir.resolve("h"), StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
      assertThat(mode(dir.resolve("h"))).isEqualTo("rw-------");
    }
    OwnerOnly.writeNew(dir.resolve("i"), new byte[] {1, 2, 3});
    assertThat(Files.readAllBytes(dir.resolve("i"))).containsExactly(1, 2, 3);
    assertThat(mode(dir.resolve("i"))).isEqualTo("rw-------");
    assertThat(mode(OwnerOnly.createTempFile(dir, ".t", ".json"))).isEqualTo("rw-------");
    assertThatThrownBy(() -> OwnerOnly.writeNew(dir.resolve("i"), new byte[0]))
        .isInstanceOf(FileAlreadyExistsException.class);
  }

  @Test
  void existingDirectoriesAreLeftAsTheyAre() throws Exception {
    Path shared = Files.createDirectory(tmp.resolve("shared"),
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-x---")));
    OwnerOnly.createDirectories(shared);
    assertThat(mode(shared)).isEqualTo("rwxr-x---");
    assertThat(mode(OwnerOnly.createDirectories(shared.resolve("own")))).isEqualTo("rwx------");
  }

  static String mode(Path p) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }
}
