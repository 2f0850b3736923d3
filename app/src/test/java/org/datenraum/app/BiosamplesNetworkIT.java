package org.datenraum.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.datenraum.app.site.SiteDirectory;
import org.datenraum.core.Fact;
import org.datenraum.generator.GeneratorConfig;
import org.datenraum.generator.HospitalGenerator;
import org.datenraum.privacy.BroadConsent;
import org.datenraum.registry.biosamples.AvailabilityReport;
import org.datenraum.store.duckdb.DuckDbSiteStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The availability report across three nodes: per sample type the merged patients and specimens are
 * the sum of what the sites released, within the disclosure noise of the exact per-site counts, and
 * no site releases a cell whose exact count is below its threshold.
 */
class BiosamplesNetworkIT {

  private static final Duration START = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SERUM = "119364003";
  /** The sample locator's kinds of the generator's specimen types (serum, plasma, venous blood). */
  private static final Map<String, String> KINDS =
      Map.of(SERUM, "blood-serum", "119361006", "blood-plasma", "122555007", "whole-blood");
  /** The node's default disclosure policy: suppression below 10, rounding to 10, Laplace noise of scale 2. */
  private static final long THRESHOLD = 10;
  private static final long NOISE = 40;

  @TempDir Path root;

  @Test
  void mergedAvailabilityIsTheSumOfTheSitesWithinTheNoiseAndSmallCellsStayHome() throws Exception {
    List<Path> sites = new ArrayList<>();
    List<Map<String, long[]>> exact = new ArrayList<>();
    List<Map<String, long[]>> exactKinds = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      Path site = generatedSite(i, 300 - 30 * i);
      sites.add(site);
      exact.add(exactCells(site, code -> AvailabilityReport.SAMPLE_TYPES.contains(code) ? code : "other"));
      exactKinds.add(exactCells(site, code -> KINDS.getOrDefault(code, "other")));
    }
    Path data = root.resolve("broker");
    Path keys = Files.createDirectories(root.resolve("keys"));
    List<Background> nodes = new ArrayList<>();
    JsonNode answer;
    JsonNode byKind;
    Cli.Run table;
    try (Background broker = new Background("broker", "--data", data.toString(), "--host", "127.0.0.1", "--port", "0")) {
      String url = "http://127.0.0.1:" + broker.await("listening on http://127\\.0\\.0\\.1:(\\d+)", START);
      String[] operator = {"--broker", url, "--key-file", data.resolve("operator.key").toString()};
      for (int i = 1; i <= 3; i++) {
        admin(operator, "add-site", "site-" + i, "--out", keys.resolve("site-" + i + ".key").toString());
      }
      admin(operator, "add-researcher", "alice", "--out", keys.resolve("alice.key").toString());
      for (int i = 1; i <= 3; i++) {
        Background node = new Background("node", "--site", sites.get(i - 1).toString(), "--broker", url,
            "--key-file", keys.resolve("site-" + i + ".key").toString(), "--auto-approve", "report");
        nodes.add(node);
        node.await("polling", START);
      }
      String[] submit = {"submit", "--broker", url, "--key-file", keys.resolve("alice.key").toString(), "--wait",
          "--timeout", "60", "--report", "biosamples", "--param", "sample-type=" + SERUM};
      Cli.Run json = Cli.run(FederationCliIT.concat(submit, "--json"));
      assertThat(json.status()).as(json.err()).isZero();
      answer = JSON.readTree(json.out());
      table = Cli.run(submit);
      Cli.Run kinds = Cli.run(FederationCliIT.concat(submit, "--param", "group=sample-kind", "--json"));
      assertThat(kinds.status()).as(kinds.err()).isZero();
      byKind = JSON.readTree(kinds.out());
      for (Background node : nodes) {
        assertThat(node.stop()).isZero();
      }
      assertThat(broker.stop()).isZero();
    } finally {
      for (Background node : nodes) {
        node.close();
      }
    }
    assertThat(shownCells(answer, sites, exact, cellNames(AvailabilityReport.SAMPLE_TYPES)))
        .as("cells shown in the merged answer").isGreaterThanOrEqualTo(2);
    assertThat(shownCells(byKind, sites, exactKinds, cellNames(AvailabilityReport.SAMPLE_KINDS)))
        .as("cells shown in the merged answer by kind").isGreaterThanOrEqualTo(2);
    assertThat(table.status()).as(table.err()).isZero();
    assertThat(table.out()).contains("patients").contains("specimens").contains(SERUM);
  }

  /**
   * Checks every cell of both tables (released at each site exactly when not below the threshold,
   * within the noise; merged = the sum of the released cells, within the slack of the exact sum)
   * and returns the number of merged cells shown.
   */
  private static int shownCells(JsonNode answer, List<Path> sites, List<Map<String, long[]>> exact,
      List<String> cells) throws Exception {
    assertThat(answer.get("status").elements()).toIterable().extracting(JsonNode::asText).containsOnly("completed");
    List<JsonNode> released = new ArrayList<>();
    for (Path site : sites) {
      released.add(releasedOf(site, answer.get("id").asText()));
    }
    int shownCells = 0;
    for (String table2 : List.of("patients", "specimens")) {
      int column = table2.equals("patients") ? 0 : 1;
      for (String cell : cells) {
        long exactSum = 0;
        long releasedSum = 0;
        long slack = 0;
        for (int s = 0; s < 3; s++) {
          long e = exact.get(s).getOrDefault(cell, new long[2])[column];
          JsonNode r = released.get(s).get("strata").get(table2).get(cell);
          exactSum += e;
          if (e < THRESHOLD) {
            assertThat(r.asText()).as("site %d %s %s: exact %d", s + 1, table2, cell, e).isEqualTo("suppressed");
            slack += e;
          } else {
            assertThat(r.isIntegralNumber()).as("site %d %s %s", s + 1, table2, cell).isTrue();
            assertThat(Math.abs(r.asLong() - e)).as("site %d %s %s: %d for %d", s + 1, table2, cell, r.asLong(), e)
                .isLessThanOrEqualTo(NOISE);
            releasedSum += r.asLong();
            slack += NOISE;
          }
        }
        JsonNode merged = answer.get("strata").get(table2).get(cell);
        if (merged.isIntegralNumber()) {
          shownCells++;
          assertThat(merged.asLong()).as("%s %s merged", table2, cell).isEqualTo(releasedSum);
          assertThat(Math.abs(merged.asLong() - exactSum)).as("%s %s: merged %d, exact sum %d", table2, cell,
              merged.asLong(), exactSum).isLessThanOrEqualTo(slack);
        } else {
          assertThat(releasedSum).as("%s %s hidden", table2, cell).isLessThan(20);
        }
      }
    }
    return shownCells;
  }

  private static List<String> cellNames(List<String> listed) {
    List<String> cells = new ArrayList<>(listed);
    cells.add("other");
    return cells;
  }

  /**
   * Per cell (the cell of a specimen's SNOMED CT type), exact counted serum-cohort patients and
   * their specimens, read from the store.
   */
  private static Map<String, long[]> exactCells(Path site, java.util.function.UnaryOperator<String> cellOf) {
    try (DuckDbSiteStore store = DuckDbSiteStore.open(new SiteDirectory(site).storeFile(), Clock.systemUTC())) {
      Map<String, List<Fact>> consents = store.facts().filter(BroadConsent::isResearchUse)
          .collect(Collectors.groupingBy(Fact::patient));
      Set<String> counted = new HashSet<>();
      store.patients().forEach(p -> counted.add(p.pseudonym()));
      consents.forEach((p, facts) -> {
        if (BroadConsent.researchPermitted(facts.stream()).equals(Optional.of(false))) {
          counted.remove(p);
        }
      });
      List<Fact> specimens;
      try (Stream<Fact> all = store.facts()) {
        specimens = all.filter(f -> f.resourceType().equals("Specimen")).toList();
      }
      Set<String> cohort = specimens.stream().filter(f -> f.code().code().equals(SERUM))
          .map(Fact::patient).filter(counted::contains).collect(Collectors.toSet());
      Map<String, Set<String>> patients = new HashMap<>();
      Map<String, Set<String>> ids = new HashMap<>();
      for (Fact f : specimens) {
        if (cohort.contains(f.patient())) {
          String cell = cellOf.apply(f.code().code());
          patients.computeIfAbsent(cell, c -> new HashSet<>()).add(f.patient());
          ids.computeIfAbsent(cell, c -> new HashSet<>()).add(f.resourceId());
        }
      }
      Map<String, long[]> out = new HashMap<>();
      patients.forEach((cell, p) -> out.put(cell, new long[] {p.size(), ids.get(cell).size()}));
      assertThat(out.get(cellOf.apply(SERUM))[0]).as("serum patients at %s", site).isEqualTo(cohort.size());
      return out;
    }
  }

  /** What the node itself released for the request (its request file). */
  private static JsonNode releasedOf(Path site, String id) throws Exception {
    return JSON.readTree(site.resolve("node").resolve("requests").resolve(id + ".json").toFile()).get("released");
  }

  private Path generatedSite(int i, long patients) throws Exception {
    Path fhir = root.resolve("fhir-" + i);
    HospitalGenerator.of(GeneratorConfig.of(patients, 20 + i, "Klinikum " + i, GeneratorConfig.DEFAULT_START, 2,
        List.of()).value()).writeTo(fhir, 2, false, (d, t, r, b) -> { });
    Path site = root.resolve("site-" + i);
    assertThat(IngestCommand.load(new SiteDirectory(site).create(), List.of(fhir), true).failed()).isFalse();
    return site;
  }

  private static void admin(String[] connection, String... args) {
    Cli.Run r = Cli.run(FederationCliIT.concat(FederationCliIT.concat(new String[] {"admin"}, args), connection));
    assertThat(r.status()).as("admin %s: %s", args[0], r.err()).isZero();
  }
}
