package org.datenraum.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.datenraum.app.site.SiteDirectory;
import org.datenraum.generator.GeneratorConfig;
import org.datenraum.generator.HospitalGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code datenraum node} with a key the broker refuses ends after its retries with a clear error and exit 1. */
class NodeRefusedCliIT {

  @TempDir Path root;

  @Test
  void aNodeWhoseKeyIsRefusedStopsWithAnErrorAndExitStatusOne() throws Exception {
    Path fhir = root.resolve("fhir");
    HospitalGenerator.of(GeneratorConfig.of(5, 3, "Klinikum Abgewiesen", GeneratorConfig.DEFAULT_START, 1,
        List.of()).value()).writeTo(fhir, 1, false, (d, t, r, b) -> { });
    Path site = root.resolve("site");
    assertThat(IngestCommand.load(new SiteDirectory(site).create(), List.of(fhir), true).failed()).isFalse();
    Path key = Files.writeString(root.resolve("revoked.key"), "drk_" + "0".repeat(43));
    Path data = root.resolve("broker");
    try (Background broker = new Background("broker", "--data", data.toString(), "--host", "127.0.0.1",
        "--port", "0")) {
      String url = "http://127.0.0.1:" + broker.await("listening on http://127\\.0\\.0\\.1:(\\d+)", Duration.ofSeconds(30));
      Background node = new Background("node", "--site", site.toString(), "--broker", url, "--key-file",
          key.toString());
      assertThat(node.awaitExit(Duration.ofSeconds(60))).as("exit status of the refused node").isEqualTo(1);
      assertThat(node.err()).contains("DR-5640").contains("refused this node's key").contains("--key-file")
          .contains(url);
    }
  }
}
