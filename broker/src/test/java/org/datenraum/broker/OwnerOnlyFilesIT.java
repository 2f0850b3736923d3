package org.datenraum.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.datenraum.federation.BrokerClient;
import org.datenraum.federation.v1.Count;
import org.datenraum.federation.v1.SiteResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The broker's data directory holds secrets (key hashes, the site-label secret) and results: owner only. */
class OwnerOnlyFilesIT {

  @TempDir Path tmp;

  @Test
  void everyFileTheBrokerCreatesIsReadableByItsOwnerOnly() throws Exception {
    Path data = tmp.resolve("state/broker");
    try (Broker broker = Broker.start(BrokerConfig.of(data, 0).withHost("127.0.0.1"))) {
      BrokerClient op = BrokerClient.of(broker.localUri(), Files.readString(data.resolve("operator.key")));
      BrokerClient site = BrokerClient.of(broker.localUri(), op.addSite("a").orThrow().key());
      BrokerClient alice = BrokerClient.of(broker.localUri(), op.addResearcher("alice").orThrow().key());
      String id = alice.submit(TestQueries.FEASIBILITY).orThrow().id();
      assertThat(site.upload(id, SiteResult.total(Count.of(40))).status()).isEqualTo(201);
      // while it runs: the write-ahead log and its index exist
      assertThat(data.resolve("broker.db-wal")).exists();
      assertThat(data.resolve("broker.db-shm")).exists();
      assertOwnerOnly(data, tmp.resolve("state"));
    }
    assertThat(data.resolve("broker.db")).exists();
    assertOwnerOnly(data, tmp.resolve("state"));
  }

  static void assertOwnerOnly(Path data, Path created) throws Exception {
    List<Path> all = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(created)) {
      walk.forEach(all::add);
    }
    assertThat(all).extracting(p -> p.getFileName().toString()).contains("broker.db", "operator.key");
    for (Path p : all) {
      String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
      assertThat(mode).as(p.toString()).isEqualTo(Files.isDirectory(p) ? "rwx------" : "rw-------");
    }
  }
}
