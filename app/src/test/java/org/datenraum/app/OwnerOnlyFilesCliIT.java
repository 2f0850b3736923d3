package org.datenraum.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After an ingest (with a quarantined record), a broker, key files written by {@code admin}, a node
 * answering on the ingested site and a researcher's question: every file holding a secret, a key,
 * row-level data or results is {@code rw-------} and every directory the commands made {@code rwx------}.
 */
class OwnerOnlyFilesCliIT {

  private static final Duration START = Duration.ofSeconds(30);

  @TempDir Path root;

  @Test
  void ingestBrokerAdminNodeAndSubmitLeaveOwnerOnlyFiles() throws Exception {
    Path site = root.resolve("hospital/site");
    Path bad = Files.writeString(root.resolve("Patient.ndjson"), "{\"resourceType\":\"Patient\",\"id\":\"x\"}\nnot json\n");
    assertThat(Cli.run("ingest", "--site", site.toString(), Cli.testData("mii-kds").toString()).status()).isZero();
    assertThat(Cli.run("ingest", "--site", site.toString(), bad.toString()).out()).contains("Quarantined 1 record");
    Path data = root.resolve("central/broker");
    Path keys = Files.createDirectories(root.resolve("keys"));
    Path query = Files.writeString(root.resolve("q.json"), FederationCliIT.DIABETES);
    try (Background broker = new Background("broker", "--data", data.toString(), "--host", "127.0.0.1", "--port", "0")) {
      String url = "http://127.0.0.1:" + broker.await("listening on http://127\\.0\\.0\\.1:(\\d+)", START);
      String[] operator = {"--broker", url, "--key-file", data.resolve("operator.key").toString()};
      admin(operator, "add-site", "a", "--out", keys.resolve("a.key").toString());
      admin(operator, "add-researcher", "alice", "--out", keys.resolve("alice.key").toString());
      try (Background node = new Background("node", "--site", site.toString(), "--broker", url, "--key-file",
          keys.resolve("a.key").toString(), "--auto-approve", "feasibility")) {
        node.await("polling", START);
        Cli.Run submit = Cli.run("submit", "--broker", url, "--key-file", keys.resolve("alice.key").toString(),
            "--wait", "--timeout", "30", "--json", query.toString());
        assertThat(submit.status()).as(submit.err()).isZero();
        assertThat(submit.out()).contains("completed");
        assertOwnerOnly(root.resolve("central"));
      }
    }
    assertThat(site.resolve("secret.key")).exists();
    assertThat(site.resolve("site.duckdb")).exists();
    assertThat(site.resolve("node/noise.key")).exists();
    assertThat(site.resolve("node/audit.log")).exists();
    assertThat(data.resolve("broker.db")).exists();
    assertOwnerOnly(root.resolve("hospital"));
    assertOwnerOnly(root.resolve("central"));
    for (String key : List.of("a.key", "alice.key")) {
      assertThat(mode(keys.resolve(key))).as(key).isEqualTo("rw-------");
    }
  }

  private static String admin(String[] operator, String... args) {
    List<String> all = new ArrayList<>(List.of("admin", args[0]));
    all.addAll(List.of(args).subList(1, args.length));
    all.addAll(List.of(operator));
    Cli.Run r = Cli.run(all.toArray(String[]::new));
    assertThat(r.status()).as(r.err()).isZero();
    return r.out();
  }

  private static void assertOwnerOnly(Path top) throws Exception {
    List<Path> all = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(top)) {
      walk.forEach(all::add);
    }
    for (Path p : all) {
      if (p.getFileName().toString().endsWith(".duckdb.wal")) {
        continue; // DuckDB makes it with the umask; its directory is checked
      }
      assertThat(mode(p)).as(p.toString()).isEqualTo(Files.isDirectory(p) ? "rwx------" : "rw-------");
    }
  }

  private static String mode(Path p) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }
}
