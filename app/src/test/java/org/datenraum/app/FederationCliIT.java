package org.datenraum.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.Set;
import java.util.List;
import org.datenraum.app.site.SiteDirectory;
import org.datenraum.core.Fact;
import org.datenraum.node.InventoryReport;
import org.datenraum.privacy.BroadConsent;
import org.datenraum.store.duckdb.DuckDbSiteStore;
import org.datenraum.generator.GeneratorConfig;
import org.datenraum.generator.HospitalGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The federation as an operator, three sites and a researcher use it: {@code broker}, {@code admin},
 * {@code node}, {@code submit} and {@code audit verify} on the command line, over HTTP on 127.0.0.1,
 * each site with its own generated and ingested store; the second site's node holds its store
 * read-only from its start ({@code --read-only-store}) and answers every kind of request like the others.
 */
class FederationCliIT {

  static final String DIABETES = "{\"version\":\"http://to_be_decided.com/draft-2/schema#\","
      + "\"inclusionCriteria\":[[{\"context\":{\"system\":\"fdpg.mii.cds\",\"code\":\"Diagnose\"},"
      + "\"termCodes\":[{\"system\":\"http://fhir.de/CodeSystem/bfarm/icd-10-gm\",\"code\":\"E11\"}]}]]}";
  private static final Duration START = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path root;

  @Test
  void brokerAdminNodesSubmitAndAuditVerify() throws Exception {
    Path query = Files.writeString(root.resolve("diabetes.json"), DIABETES);
    List<Path> sites = new ArrayList<>();
    long exact = 0;
    long[] inventory = new long[2];
    for (int i = 1; i <= 3; i++) {
      Path site = generatedSite(i, 200 - 25 * i);
      sites.add(site);
      Cli.Run count = Cli.run("query", "--site", site.toString(), "--json", query.toString());
      assertThat(count.status()).as(count.err()).isZero();
      exact += JSON.readTree(count.out()).get("count").asLong();
      long[] own = inventory(site);
      inventory[0] += own[0];
      inventory[1] += own[1];
    }
    Path data = root.resolve("broker");
    Path keys = Files.createDirectories(root.resolve("keys"));
    List<Background> nodes = new ArrayList<>();
    try (Background broker = new Background("broker", "--data", data.toString(), "--host", "127.0.0.1", "--port", "0")) {
      String url = "http://127.0.0.1:" + broker.await("listening on http://127\\.0\\.0\\.1:(\\d+)", START);
      assertThat(data.resolve("operator.key")).exists();
      String[] operator = {"--broker", url, "--key-file", data.resolve("operator.key").toString()};
      for (int i = 1; i <= 3; i++) {
        admin(operator, "add-site", "site-" + i, "--out", keys.resolve("site-" + i + ".key").toString());
      }
      admin(operator, "add-researcher", "alice", "--out", keys.resolve("alice.key").toString());
      admin(operator, "add-researcher", "bob", "--out", keys.resolve("bob.key").toString());
      assertThat(admin(operator, "list")).contains("site-1", "site-2", "site-3", "alice", "bob");
      for (int i = 1; i <= 3; i++) {
        List<String> args = new ArrayList<>(List.of("node", "--site", sites.get(i - 1).toString(), "--broker", url,
            "--key-file", keys.resolve("site-" + i + ".key").toString(), "--auto-approve", "feasibility,stratified,report"));
        if (i == 2) {
          args.add("--read-only-store");
        }
        Background node = new Background(args.toArray(String[]::new));
        nodes.add(node);
        node.await("polling", START);
        if (i == 2) {
          node.await("store opened read-only, feasibility index loaded at store version \\d+", START);
        }
      }
      String[] researcher = {"submit", "--broker", url, "--key-file", keys.resolve("alice.key").toString(), "--wait",
          "--timeout", "30", "--json"};

      JsonNode feasibility = submit(researcher, query);
      assertThat(feasibility.get("id").asText()).isNotBlank();
      JsonNode status = feasibility.get("status");
      assertThat(status.fieldNames()).toIterable().containsExactlyInAnyOrder("site-1", "site-2", "site-3");
      assertThat(status.elements()).toIterable().extracting(JsonNode::asText).containsOnly("completed");
      assertThat(feasibility.get("sites").isArray()).isTrue();
      JsonNode total = feasibility.get("total");
      assertThat(total.isIntegralNumber()).as("total %s", total).isTrue();
      assertThat(total.asLong() % 10).as("sites round to 10").isZero();
      assertThat(total.asLong()).as("noisy total of %d exact", exact).isBetween(exact / 2, exact + 45);

      JsonNode bySex = submit(concat(researcher, "--stratify", "sex"), query);
      assertThat(bySex.get("strata").get("sex").fieldNames()).toIterable().contains("female", "male");

      JsonNode report = submit(concat(researcher, "--report", "inventory"));
      assertThat(report.get("status").elements()).toIterable().extracting(JsonNode::asText).containsOnly("completed");
      assertThat(report.get("total").asLong()).as("noisy population of %d", inventory[0])
          .isBetween(inventory[0] / 2, inventory[0] + 45);
      JsonNode byType = report.get("strata").get("resourceType");
      assertThat(byType.fieldNames()).toIterable().containsExactlyInAnyOrderElementsOf(InventoryReport.TYPES);
      assertThat(byType.get("Condition").asLong()).as("noisy Condition patients of %d", inventory[1])
          .isBetween(inventory[1] / 2, inventory[1] + 45);
      Cli.Run unknown = Cli.run("submit", "--broker", url, "--key-file", keys.resolve("bob.key").toString(), "--wait",
          "--timeout", "30", "--json", "--report", "no-such-report");
      assertThat(unknown.status()).as(unknown.err()).isEqualTo(1);
      assertThat(unknown.out()).as(unknown.err()).contains("\"failed\"");

      for (Background node : nodes) {
        assertThat(node.stop()).as("node exit status").isZero();
      }
      assertThat(broker.stop()).as("broker exit status").isZero();
    } finally {
      for (Background node : nodes) {
        node.close();
      }
    }
    Cli.Run brokerAudit = Cli.run("audit", "verify", "--data", data.toString());
    assertThat(brokerAudit.status()).as(brokerAudit.err()).isZero();
    assertThat(brokerAudit.out()).contains("intact");
    for (Path site : sites) {
      assertThat(Cli.run("audit", "verify", "--site", site.toString()).status()).isZero();
    }
  }

  private Path generatedSite(int i, long patients) throws Exception {
    Path fhir = root.resolve("fhir-" + i);
    HospitalGenerator.of(GeneratorConfig.of(patients, 10 + i, "Klinikum " + i, GeneratorConfig.DEFAULT_START, 2,
        List.of()).value()).writeTo(fhir, 2, false, (d, t, r, b) -> { });
    Path site = root.resolve("site-" + i);
    assertThat(IngestCommand.load(new SiteDirectory(site).create(), List.of(fhir), true).failed()).isFalse();
    return site;
  }

  private static String admin(String[] connection, String... args) {
    Cli.Run r = Cli.run(concat(concat(new String[] {"admin"}, args), connection));
    assertThat(r.status()).as("admin %s: %s", args[0], r.err()).isZero();
    return r.out();
  }

  /** The patients the default consent policy counts, and those of them with a Condition, read from the store. */
  private static long[] inventory(Path site) {
    try (DuckDbSiteStore store = DuckDbSiteStore.open(new SiteDirectory(site).storeFile(), java.time.Clock.systemUTC())) {
      Map<String, List<Fact>> consents = store.facts().filter(BroadConsent::isResearchUse)
          .collect(Collectors.groupingBy(Fact::patient));
      Set<String> denied = new HashSet<>();
      consents.forEach((p, facts) -> {
        if (BroadConsent.researchPermitted(facts.stream()).equals(Optional.of(false))) {
          denied.add(p);
        }
      });
      Set<String> counted = new HashSet<>();
      store.patients().forEach(p -> counted.add(p.pseudonym()));
      counted.removeAll(denied);
      long withCondition = store.facts().filter(f -> f.resourceType().equals("Condition"))
          .map(Fact::patient).filter(counted::contains).distinct().count();
      return new long[] {counted.size(), withCondition};
    }
  }

  private static JsonNode submit(String[] researcher, Path query) throws Exception {
    return submit(concat(researcher, query.toString()));
  }

  private static JsonNode submit(String[] args) throws Exception {
    Cli.Run r = Cli.run(args);
    assertThat(r.status()).as("submit: %s", r.err()).isZero();
    return JSON.readTree(r.out());
  }

  static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
