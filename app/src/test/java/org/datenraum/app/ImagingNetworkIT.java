package org.datenraum.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.datenraum.ingest.dicom.DicomWriter;
import org.datenraum.ingest.dicom.SyntheticCt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: DICOM CTs ingested at three sites, the shipped model computes each study's lung
 * opacity at its site, and a CCDL query with a biomarker threshold counts the patients across
 * the network of three nodes.
 */
class ImagingNetworkIT {

  private static final Duration START = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Per site: patients whose CT has 40 % opacity, and patients with 5 %. */
  private static final int[][] PLANTED = {{15, 5}, {20, 3}, {12, 8}};

  @TempDir Path root;

  @Test
  void aBiomarkerThresholdCountsThePatientsOfThreeSites() throws Exception {
    Path query = ImagingCriteria.repository().resolve("examples/queries/lung-opacity-over-20.json");
    List<Path> sites = new ArrayList<>();
    long exact = 0;
    for (int s = 0; s < 3; s++) {
      Path site = root.resolve("site-" + (s + 1));
      Path dicom = root.resolve("dicom-" + (s + 1));
      int n = 0;
      for (int kind = 0; kind < 2; kind++) {
        for (int p = 0; p < PLANTED[s][kind]; p++, n++) {
          new SyntheticCt("S" + s + "P" + n, "2.25.7" + s + "." + n, LocalDate.of(2025, 2, 1 + p), "CHEST", 1, 32)
              .write(dicom, "p" + n, kind == 0 ? 0.40 : 0.05, 31L * s + n, DicomWriter.Syntax.EXPLICIT_LE);
        }
      }
      ok(Cli.run("dicom", "--site", site.toString(), "--json", dicom.toString()));
      ok(Cli.run("imaging", "biomarkers", "--site", site.toString(), "--json"));
      Cli.Run local = ok(Cli.run("query", "--site", site.toString(), "--json", query.toString()));
      assertThat(JSON.readTree(local.out()).get("count").asLong()).as("site %d", s + 1)
          .isEqualTo(PLANTED[s][0]);
      exact += PLANTED[s][0];
      sites.add(site);
    }
    Path data = root.resolve("broker");
    Path keys = Files.createDirectories(root.resolve("keys"));
    List<Background> nodes = new ArrayList<>();
    JsonNode answer;
    try (Background broker = new Background("broker", "--data", data.toString(), "--host", "127.0.0.1", "--port", "0")) {
      String url = "http://127.0.0.1:" + broker.await("listening on http://127\\.0\\.0\\.1:(\\d+)", START);
      String[] operator = {"--broker", url, "--key-file", data.resolve("operator.key").toString()};
      for (int i = 1; i <= 3; i++) {
        ok(Cli.run("admin", "add-site", "site-" + i, "--out", keys.resolve("site-" + i + ".key").toString(),
            operator[0], operator[1], operator[2], operator[3]));
      }
      ok(Cli.run("admin", "add-researcher", "alice", "--out", keys.resolve("alice.key").toString(),
          operator[0], operator[1], operator[2], operator[3]));
      for (int i = 1; i <= 3; i++) {
        Background node = new Background("node", "--site", sites.get(i - 1).toString(), "--broker", url,
            "--key-file", keys.resolve("site-" + i + ".key").toString(), "--auto-approve", "feasibility");
        nodes.add(node);
        node.await("polling", START);
      }
      Cli.Run r = ok(Cli.run("submit", "--broker", url, "--key-file", keys.resolve("alice.key").toString(),
          "--wait", "--timeout", "60", "--json", query.toString()));
      answer = JSON.readTree(r.out());
      for (Background node : nodes) {
        assertThat(node.stop()).isZero();
      }
      assertThat(broker.stop()).isZero();
    } finally {
      for (Background node : nodes) {
        node.close();
      }
    }
    assertThat(answer.get("status").elements()).toIterable().extracting(JsonNode::asText).containsOnly("completed");
    long total = answer.get("total").asLong();
    assertThat(total % 10).as("sites round to 10").isZero();
    // each site's count is at least the threshold of 10, so none is suppressed: noise and rounding only
    assertThat(total).as("noisy total of %d exact", exact).isBetween(exact - 45, exact + 45);
  }

  private static Cli.Run ok(Cli.Run r) {
    assertThat(r.status()).as(r.err()).isZero();
    return r;
  }

  /** The repository, for its example queries. */
  static final class ImagingCriteria {
    static Path repository() {
      Path dir = Path.of("").toAbsolutePath();
      while (dir != null && !Files.isDirectory(dir.resolve("examples/queries"))) {
        dir = dir.getParent();
      }
      return dir;
    }
  }
}
