package org.datenraum.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.datenraum.app.bench.SyntheticEdDocuments;
import org.datenraum.app.report.EmergencyReportCommand;
import org.datenraum.app.site.SiteDirectory;
import org.datenraum.registry.emergency.MonthlyEmergencyReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The emergency report through the network: a researcher asks the broker, the node answers the
 * month's cells under its disclosure control (cells below 10 suppressed, the rest near the exact
 * count of the local report), every table in its fixed shape.
 */
class EmergencyNetworkIT {

  private static final Duration START = Duration.ofSeconds(30);
  private static final YearMonth MONTH = YearMonth.of(2026, 11);

  @TempDir Path root;

  @Test
  void aResearcherGetsTheMonthsCellsUnderDisclosureControl() throws Exception {
    Path site = root.resolve("site");
    Path docs = Files.createDirectories(root.resolve("docs"));
    SyntheticEdDocuments synthetic = new SyntheticEdDocuments(5, MONTH);
    List<String> cda = new ArrayList<>(List.of("cda", "--site", site.toString()));
    for (int n = 0; n < 80; n++) {
      Path f = docs.resolve(n + ".xml");
      Files.writeString(f, synthetic.next(n), StandardCharsets.UTF_8);
      cda.add(f.toString());
    }
    assertThat(Cli.run(cda.toArray(String[]::new)).status()).isZero();
    MonthlyEmergencyReport exact = EmergencyReportCommand.report(new SiteDirectory(site), MONTH,
        new PrintWriter(new StringWriter()));

    Path data = root.resolve("broker");
    Path keys = Files.createDirectories(root.resolve("keys"));
    JsonNode answer;
    try (Background broker = new Background("broker", "--data", data.toString(), "--host", "127.0.0.1", "--port", "0")) {
      String url = "http://127.0.0.1:" + broker.await("listening on http://127\\.0\\.0\\.1:(\\d+)", START);
      String[] operator = {"--broker", url, "--key-file", data.resolve("operator.key").toString()};
      admin(operator, "add-site", "ed", "--out", keys.resolve("ed.key").toString());
      admin(operator, "add-researcher", "alice", "--out", keys.resolve("alice.key").toString());
      try (Background node = new Background("node", "--site", site.toString(), "--broker", url, "--key-file",
          keys.resolve("ed.key").toString(), "--auto-approve", "report")) {
        node.await("polling", START);
        Cli.Run run = Cli.run("submit", "--broker", url, "--key-file", keys.resolve("alice.key").toString(), "--wait",
            "--timeout", "30", "--json", "--report", "emergency", "--param", "month=" + MONTH);
        assertThat(run.status()).as(run.err()).isZero();
        answer = new ObjectMapper().readTree(run.out());
        assertThat(node.stop()).isZero();
      }
      assertThat(broker.stop()).isZero();
    }
    assertThat(answer.get("status").elements()).toIterable().extracting(JsonNode::asText).containsOnly("completed");
    JsonNode strata = answer.get("strata");
    assertThat(strata.fieldNames()).toIterable().contains("sex", "triage", "time-to-triage", "cedis-group", "pathogen");
    assertThat(strata.get("hour").size()).isEqualTo(25);
    for (String level : List.of("1", "2", "3", "4", "5")) {
      long e = exact.access().triage().count(level);
      JsonNode released = strata.get("triage").get(level);
      if (e < 10) {
        assertThat(released.asText()).as("level %s: exact %d", level, e).isEqualTo("suppressed");
      } else {
        assertThat(Math.abs(released.asLong() - e)).as("level %s: %s for %d", level, released, e).isLessThanOrEqualTo(40);
      }
    }
    assertThat(Math.abs(answer.get("total").asLong() - exact.population().visits())).isLessThanOrEqualTo(40);
  }

  private static void admin(String[] connection, String... args) {
    Cli.Run r = Cli.run(FederationCliIT.concat(FederationCliIT.concat(new String[] {"admin"}, args), connection));
    assertThat(r.status()).as("admin %s: %s", args[0], r.err()).isZero();
  }
}
