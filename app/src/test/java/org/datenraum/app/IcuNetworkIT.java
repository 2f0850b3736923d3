package org.datenraum.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.datenraum.app.report.IcuSiteReport;
import org.datenraum.app.site.SiteDirectory;
import org.datenraum.core.Fact;
import org.datenraum.node.ReportCells;
import org.datenraum.privacy.BroadConsent;
import org.datenraum.privacy.ConsentPolicy;
import org.datenraum.store.duckdb.DuckDbSiteStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The intensive care report across a broker and three nodes over HTTP: every merged cell is the
 * sum of what the sites released and lies within the disclosure noise of the sum of the exact
 * per-site cells read from the stores; no site releases a cell whose exact count is below its
 * threshold.
 */
class IcuNetworkIT {

  private static final Duration START = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The node's default disclosure policy: suppression below 10, rounding to 10, Laplace noise of scale 2. */
  private static final long THRESHOLD = 10;
  private static final long NOISE = 40;
  /** The network's default rule: a merged total or cell below 20 is hidden. */
  private static final long NETWORK_MINIMUM = 20;
  private static final String FROM = "2024-01-01";

  @TempDir Path root;

  @Test
  void mergedIcuCellsAreTheSumOfTheSitesWithinTheNoiseAndSmallCellsStayHome() throws Exception {
    List<Path> sites = new ArrayList<>();
    List<ReportCells> exact = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      Path site = site(i, 30 - 6 * i);
      sites.add(site);
      exact.add(exactCells(site));
    }
    Path data = root.resolve("broker");
    Path keys = Files.createDirectories(root.resolve("keys"));
    List<Background> nodes = new ArrayList<>();
    JsonNode answer;
    try (Background broker = new Background("broker", "--data", data.toString(), "--host",
        "127.0.0.1", "--port", "0")) {
      String url = "http://127.0.0.1:" + broker.await("listening on http://127\\.0\\.0\\.1:(\\d+)", START);
      String[] operator = {"--broker", url, "--key-file", data.resolve("operator.key").toString()};
      for (int i = 1; i <= 3; i++) {
        admin(operator, "add-site", "site-" + i, "--out", keys.resolve("site-" + i + ".key").toString());
      }
      admin(operator, "add-researcher", "alice", "--out", keys.resolve("alice.key").toString());
      for (int i = 1; i <= 3; i++) {
        Background node = new Background("node", "--site", sites.get(i - 1).toString(), "--broker",
            url, "--key-file", keys.resolve("site-" + i + ".key").toString(), "--auto-approve", "report");
        nodes.add(node);
        node.await("polling", START);
      }
      Cli.Run json = Cli.run("submit", "--broker", url, "--key-file",
          keys.resolve("alice.key").toString(), "--wait", "--timeout", "60", "--report", "icu",
          "--param", "from=" + FROM, "--json");
      assertThat(json.status()).as(json.err()).isZero();
      answer = JSON.readTree(json.out());
      for (Background node : nodes) {
        assertThat(node.stop()).isZero();
      }
      assertThat(broker.stop()).isZero();
    } finally {
      for (Background node : nodes) {
        node.close();
      }
    }
    assertThat(answer.get("status").elements()).toIterable().extracting(JsonNode::asText)
        .containsOnly("completed");
    List<JsonNode> released = new ArrayList<>();
    for (Path site : sites) {
      released.add(JSON.readTree(site.resolve("node").resolve("requests")
          .resolve(answer.get("id").asText() + ".json").toFile()).get("released"));
    }
    for (int s = 0; s < 3; s++) {
      long stays = exact.get(s).population().size();
      JsonNode total = released.get(s).get("total");
      assertThat(stays).as("site %d stays", s + 1).isGreaterThanOrEqualTo(THRESHOLD);
      assertThat(total.isIntegralNumber()).as("site %d total %s", s + 1, total).isTrue();
      assertThat(Math.abs(total.asLong() - stays)).as("site %d total", s + 1)
          .isLessThanOrEqualTo(NOISE);
    }
    int shown = 0;
    int suppressed = 0;
    for (Map.Entry<String, Map<String, Set<String>>> table : exact.get(0).tables().entrySet()) {
      for (String cell : table.getValue().keySet()) {
        long exactSum = 0;
        long releasedSum = 0;
        long slack = 0;
        for (int s = 0; s < 3; s++) {
          long e = exact.get(s).tables().get(table.getKey()).get(cell).size();
          JsonNode r = released.get(s).get("strata").get(table.getKey()).get(cell);
          exactSum += e;
          String what = "site " + (s + 1) + " " + table.getKey() + " " + cell + ": exact " + e;
          if (e < THRESHOLD) {
            assertThat(r.asText()).as(what).isEqualTo("suppressed");
            slack += e;
            suppressed++;
          } else {
            assertThat(r.isIntegralNumber()).as(what).isTrue();
            assertThat(Math.abs(r.asLong() - e)).as(what + ", released " + r.asLong())
                .isLessThanOrEqualTo(NOISE);
            releasedSum += r.asLong();
            slack += NOISE;
          }
        }
        JsonNode merged = answer.get("strata").get(table.getKey()).get(cell);
        assertThat(merged.isIntegralNumber()).as("%s %s shown", table.getKey(), cell)
            .isEqualTo(releasedSum >= NETWORK_MINIMUM);
        if (merged.isIntegralNumber()) {
          shown++;
          assertThat(merged.asLong()).as("%s %s merged", table.getKey(), cell).isEqualTo(releasedSum);
          assertThat(Math.abs(merged.asLong() - exactSum)).as("%s %s: merged %d, exact sum %d",
              table.getKey(), cell, merged.asLong(), exactSum).isLessThanOrEqualTo(slack);
        }
      }
    }
    assertThat(shown).as("cells shown in the merged answer").isGreaterThanOrEqualTo(5);
    assertThat(suppressed).as("site cells below the threshold").isGreaterThanOrEqualTo(5);
  }

  /**
   * The site's exact cells before disclosure control, as the report computes them over the store
   * for the patients the node's default consent policy lets count; checked against the ICU
   * encounters read straight from the store's facts.
   */
  private static ReportCells exactCells(Path site) {
    try (DuckDbSiteStore store = DuckDbSiteStore.open(new SiteDirectory(site).storeFile(),
        Clock.systemUTC())) {
      ReportCells cells = new IcuSiteReport(store).cells(Map.of("from", FROM), LocalDate.now(),
          ConsentPolicy.EXCLUDE_DENIED).value();
      Set<String> denied = new HashSet<>();
      try (Stream<Fact> facts = store.facts()) {
        facts.filter(BroadConsent::isResearchUse).collect(Collectors.groupingBy(Fact::patient))
            .forEach((p, list) -> {
              if (BroadConsent.researchPermitted(list.stream()).equals(Optional.of(false))) {
                denied.add(p);
              }
            });
      }
      Set<String> icuEncounters = new HashSet<>();
      try (Stream<Fact> facts = store.facts()) {
        facts.filter(f -> f.resourceType().equals("Encounter") && !denied.contains(f.patient())
                && f.attributes().stream().anyMatch(a -> a.key().equals("serviceType")
                    && a.value().code().startsWith("36")))
            .forEach(f -> icuEncounters.add(f.encounter()));
      }
      long stays = cells.tables().get("stays").values().stream().mapToLong(Set::size).sum();
      assertThat(stays).as("ICU stays at %s", site).isEqualTo(icuEncounters.size()).isPositive();
      return cells;
    }
  }

  /**
   * A site of {@code patients} ICU stays of 24 h from 2024-03-01 (FHIR written here): two of
   * them children; two in three invasively ventilated from hour 2 for 6-20 h, with an hourly tidal
   * volume; mean arterial pressure every hour; a height for all but every fifth.
   */
  private Path site(int i, int patients) throws Exception {
    Random random = new Random(i);
    List<String> lines = new ArrayList<>();
    Instant t0 = Instant.parse("2024-03-01T00:00:00Z");
    for (int k = 0; k < patients; k++) {
      String p = "s" + i + "p" + k;
      lines.add("{\"resourceType\":\"Patient\",\"id\":\"" + p + "\",\"gender\":\""
          + (k % 2 == 0 ? "female" : "male") + "\",\"birthDate\":\"" + (k < 2 ? 2016 : 1950 + k)
          + "-05-01\"}");
      Instant start = t0.plus(Duration.ofDays(k));
      lines.add("{\"resourceType\":\"Encounter\",\"id\":\"" + p + "e\",\"status\":\"finished\","
          + "\"class\":{\"system\":\"http://terminology.hl7.org/CodeSystem/v3-ActCode\","
          + "\"code\":\"IMP\"},\"serviceType\":{\"coding\":[{\"system\":"
          + "\"http://fhir.de/CodeSystem/dkgev/Fachabteilungsschluessel\",\"code\":\"3600\"}]},"
          + ref("subject", "Patient/" + p) + ",\"period\":{\"start\":\"" + start + "\",\"end\":\""
          + start.plus(Duration.ofHours(24)) + "\"}}");
      if (k % 5 != 0) {
        lines.add(observation(p, k + "h", "8302-2", start.plusSeconds(600), 150 + k, "cm"));
      }
      int ventilated = k % 3 == 0 ? 0 : 6 + random.nextInt(15);
      if (ventilated > 0) {
        lines.add("{\"resourceType\":\"Procedure\",\"id\":\"" + p + "v\",\"status\":"
            + "\"completed\",\"category\":{\"coding\":[{\"system\":\"http://snomed.info/sct\","
            + "\"code\":\"40617009\"}]},\"code\":{\"coding\":[{\"system\":"
            + "\"http://snomed.info/sct\",\"code\":\"243147009\"}]}," + ref("subject", "Patient/" + p)
            + "," + ref("encounter", "Encounter/" + p + "e") + ",\"performedPeriod\":{\"start\":\""
            + start.plus(Duration.ofHours(2)) + "\",\"end\":\""
            + start.plus(Duration.ofHours(2 + ventilated)) + "\"}}");
      }
      for (int h = 0; h < 24; h++) {
        Instant at = start.plus(Duration.ofMinutes(60 * h + 5));
        lines.add(observation(p, k + "m" + h, "8478-0", at, 60 + random.nextInt(30), "mm[Hg]"));
        if (h >= 2 && h < 2 + ventilated) {
          lines.add(observation(p, k + "t" + h, "20112-9", at, 380 + 10 * random.nextInt(20), "mL"));
        }
      }
    }
    Path fhir = Files.createDirectories(root.resolve("fhir-" + i));
    Files.writeString(fhir.resolve("icu.ndjson"), String.join("\n", lines) + "\n");
    Path site = root.resolve("site-" + i);
    assertThat(IngestCommand.load(new SiteDirectory(site).create(), List.of(fhir), true).failed())
        .isFalse();
    return site;
  }

  private static String ref(String element, String target) {
    return "\"" + element + "\":{\"reference\":\"" + target + "\"}";
  }

  private static String observation(String patient, String id, String loinc, Instant at,
      double value, String unit) {
    return "{\"resourceType\":\"Observation\",\"id\":\"" + patient + "o" + id + "\",\"status\":"
        + "\"final\",\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"" + loinc
        + "\"}]}," + ref("subject", "Patient/" + patient) + "," + ref("encounter", "Encounter/"
        + patient + "e") + ",\"effectiveDateTime\":\"" + at + "\",\"valueQuantity\":{\"value\":"
        + value + ",\"system\":\"http://unitsofmeasure.org\",\"code\":\"" + unit + "\"}}";
  }

  private static void admin(String[] connection, String... args) {
    Cli.Run r = Cli.run(FederationCliIT.concat(FederationCliIT.concat(new String[] {"admin"}, args),
        connection));
    assertThat(r.status()).as("admin %s: %s", args[0], r.err()).isZero();
  }
}
