package org.datenraum.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.datenraum.federation.v1.Submission;
import org.datenraum.federation.v1.RequestType;
import org.datenraum.federation.v1.Stratum;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node's files (noise secret, audit log, requests with their answers, rules): owner only. */
class OwnerOnlyFilesIT {

  @TempDir Path tmp;

  @Test
  void everyFileANodeCreatesIsReadableByItsOwnerOnly() throws Exception {
    try (Network net = new Network(tmp)) {
      net.register("a");
      net.startAuto("a", Cohorts.reference(TestSites.site(1, 60, 0)), 1);
      Submission strat = new Submission(RequestType.STRATIFIED,
          new com.fasterxml.jackson.databind.ObjectMapper().readTree(TestSites.DIABETES_QUERY),
          List.of(Stratum.SEX), null, null);
      String id = net.researcher.submit(strat).orThrow().id();
      net.await(id, v -> v.done());
      net.dir("a").decide("unknown-request", new Decision(true, "dora", null));
      net.stop("a");
    }
    Path site = tmp.resolve("sites/a");
    List<Path> all = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(site)) {
      walk.forEach(all::add);
    }
    assertThat(all).extracting(p -> site.relativize(p).toString())
        .contains("node/noise.key", "node/audit.log", "node/approval-rules.json", "node/requests",
            "node/decisions/unknown-request.json");
    assertThat(all).anySatisfy(p -> assertThat(p.getParent().getFileName().toString()).isEqualTo("requests"));
    for (Path p : all) {
      String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
      assertThat(mode).as(p.toString()).isEqualTo(Files.isDirectory(p) ? "rwx------" : "rw-------");
    }
  }
}
