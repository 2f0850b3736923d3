package org.datenraum.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code admin add-site|add-researcher --out FILE} against a running broker: an existing file is
 * never overwritten, and a key file that cannot be written registers nothing.
 */
class AdminKeyFileIT {

  @TempDir Path root;
  private Background broker;
  private String[] operator;

  @BeforeEach
  void start() throws Exception {
    Path data = root.resolve("broker");
    broker = new Background("broker", "--data", data.toString(), "--host", "127.0.0.1", "--port", "0");
    String url = "http://127.0.0.1:" + broker.await("listening on http://127\\.0\\.0\\.1:(\\d+)", Duration.ofSeconds(30));
    operator = new String[] {"--broker", url, "--key-file", data.resolve("operator.key").toString()};
  }

  @AfterEach
  void stop() throws Exception {
    broker.close();
  }

  private Cli.Run admin(String... args) {
    return Cli.run(FederationCliIT.concat(FederationCliIT.concat(new String[] {"admin"}, args), operator));
  }

  private String principals() {
    Cli.Run list = admin("list");
    assertThat(list.status()).as(list.err()).isZero();
    return list.out();
  }

  @Test
  void anExistingKeyFileIsNeitherOverwrittenNorIsTheNameRegistered() throws Exception {
    Path existing = Files.writeString(root.resolve("alice.key"), "the key alice already uses\n");
    Cli.Run r = admin("add-researcher", "alice", "--out", existing.toString());
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("`" + existing + "` already exists").contains("never overwritten");
    assertThat(Files.readString(existing)).isEqualTo("the key alice already uses\n");
    assertThat(principals()).doesNotContain("alice");
    assertThat(admin("add-site", "klinikum", "--out", root.toString()).err()).contains("is a directory");
    assertThat(principals()).doesNotContain("klinikum");
  }

  @Test
  void aKeyFileThatCannotBeWrittenRegistersNothing() throws Exception {
    Path plain = Files.writeString(root.resolve("plain"), "x");
    Cli.Run notADirectory = admin("add-site", "klinikum", "--out", plain.resolve("klinikum.key").toString());
    assertThat(notADirectory.status()).isEqualTo(2);
    assertThat(notADirectory.err()).contains("is not a directory");
    Cli.Run missing = admin("add-researcher", "bob", "--out", root.resolve("no/such/dir/bob.key").toString());
    assertThat(missing.status()).isEqualTo(2);
    assertThat(missing.err()).contains("does not exist");
    assertThat(principals()).doesNotContain("klinikum").doesNotContain("bob");
  }

  @Test
  void aNewKeyFileIsOwnerOnlyAndLeavesNoTemporaryFileBehind() throws Exception {
    Path keys = Files.createDirectories(root.resolve("keys"));
    Path key = keys.resolve("carol.key");
    Cli.Run r = admin("add-researcher", "carol", "--out", key.toString());
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(Files.readString(key)).matches("\\S{16,}\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
    try (Stream<Path> files = Files.list(keys)) {
      assertThat(files).containsExactly(key);
    }
    assertThat(principals()).contains("carol");
  }
}
