package org.datenraum.node.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A running node keeps the keys it has read, and a key revoked or created by another process (a
 * second {@link LocalKeys} of the same file here) applies at its next check.
 */
class LocalKeysTest {

  @TempDir Path tmp;

  private final SplittableRandom random = new SplittableRandom(11);

  @Test
  void aKeyRevokedElsewhereStopsWorkingAtOnce() {
    LocalKeys node = LocalKeys.in(tmp.resolve("node"));
    LocalKeys command = LocalKeys.in(tmp.resolve("node"));
    String clinic = command.create("clinic", LocalRole.SITE_IMPORT, Clock.systemUTC(), random).value();
    String other = command.create("other", LocalRole.SITE_IMPORT, Clock.systemUTC(), random).value();
    assertThat(node.authenticate(clinic)).map(LocalPrincipal::name).contains("clinic");
    assertThat(node.authenticate(clinic)).map(LocalPrincipal::name).contains("clinic");

    assertThat(command.revoke("clinic")).isTrue();

    assertThat(node.authenticate(clinic)).isEmpty();
    assertThat(node.authenticate(other)).map(LocalPrincipal::name).contains("other");
  }

  @Test
  void aFileReplacedWithOneOfTheSameSizeIsReadAgain() throws Exception {
    LocalKeys node = LocalKeys.in(tmp.resolve("node"));
    LocalKeys command = LocalKeys.in(tmp.resolve("node"));
    String first = command.create("key-a", LocalRole.SITE_IMPORT, Clock.systemUTC(), random).value();
    assertThat(node.authenticate(first)).isPresent();
    long size = Files.size(command.file());

    command.revoke("key-a");
    String second = command.create("key-b", LocalRole.SITE_IMPORT, Clock.systemUTC(), random).value();

    assertThat(Files.size(command.file())).isEqualTo(size);
    assertThat(node.authenticate(first)).isEmpty();
    assertThat(node.authenticate(second)).map(LocalPrincipal::name).contains("key-b");
  }

  @Test
  void keysCreatedAfterAnEmptyStartAndARemovedFileAreSeen() throws Exception {
    LocalKeys node = LocalKeys.in(tmp.resolve("node"));
    LocalKeys command = LocalKeys.in(tmp.resolve("node"));
    assertThat(node.authenticate(LocalKeys.PREFIX + "x".repeat(43))).isEmpty();
    String key = command.create("late", LocalRole.SITE_IMPORT, Clock.systemUTC(), random).value();
    assertThat(node.authenticate(key)).map(LocalPrincipal::name).contains("late");

    Files.delete(command.file());

    assertThat(node.authenticate(key)).isEmpty();
  }
}
