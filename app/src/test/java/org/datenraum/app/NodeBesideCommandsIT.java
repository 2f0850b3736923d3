package org.datenraum.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.datenraum.app.site.SiteDirectory;
import org.datenraum.generator.GeneratorConfig;
import org.datenraum.generator.HospitalGenerator;
import org.datenraum.store.duckdb.DuckDbSiteStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A site loads, counts and inspects its data while its node runs in another process (DuckDB lets
 * one process hold a store file): the node opens the store per request, so {@code ingest},
 * {@code stats} and {@code query} succeed beside it, and its next answer counts the new data; a
 * request that finds the store held waits and is answered once it is free; a command that finds
 * the store held waits with a notice.
 */
class NodeBesideCommandsIT {

  private static final Duration START = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path root;

  @Test
  void commandsRunBesideARunningNodeWhichThenAnswersWithTheNewData() throws Exception {
    Path query = Files.writeString(root.resolve("diabetes.json"), FederationCliIT.DIABETES);
    Path site = root.resolve("site");
    ingest(site, hospital("small", 8, 31));
    Path data = root.resolve("broker");
    Path keys = Files.createDirectories(root.resolve("keys"));
    try (Background broker = new Background("broker", "--data", data.toString(), "--host", "127.0.0.1",
        "--port", "0")) {
      String url = "http://127.0.0.1:" + broker.await("listening on http://127\\.0\\.0\\.1:(\\d+)", START);
      String[] operator = {"--broker", url, "--key-file", data.resolve("operator.key").toString()};
      admin(operator, "add-site", "site-1", "--out", keys.resolve("site-1.key").toString());
      admin(operator, "add-researcher", "alice", "--out", keys.resolve("alice.key").toString());
      String[] researcher = {"submit", "--broker", url, "--key-file", keys.resolve("alice.key").toString(),
          "--wait", "--timeout", "60", "--json"};
      Process node = process(root.resolve("node.log"), "org.datenraum.app.Main", "node", "--site", site.toString(),
          "--broker", url, "--key-file", keys.resolve("site-1.key").toString(), "--auto-approve",
          "feasibility,stratified");
      try {
        await(root.resolve("node.log"), 0, "polling", START);
        assertThat(submit(researcher, query).get("total").asText()).isEqualTo("< 20");

        Cli.Run loaded = Cli.run("ingest", "--site", site.toString(), hospital("large", 400, 32).toString());
        assertThat(loaded.status()).as("ingest beside the node: %s", loaded.err()).isZero();
        Cli.Run stats = Cli.run("stats", "--site", site.toString(), "--json");
        assertThat(stats.status()).as("stats beside the node: %s", stats.err()).isZero();
        assertThat(JSON.readTree(stats.out()).get("patients").asLong()).isGreaterThanOrEqualTo(400);
        Cli.Run counted = Cli.run("query", "--site", site.toString(), "--json", query.toString());
        assertThat(counted.status()).as("query beside the node: %s", counted.err()).isZero();
        long exact = JSON.readTree(counted.out()).get("count").asLong();
        assertThat(exact).as("diabetic patients after the load").isGreaterThanOrEqualTo(40);

        JsonNode after = submit(researcher, query);
        assertThat(after.get("total").isIntegralNumber()).as("answer after the load: %s", after).isTrue();
        assertThat(after.get("total").asLong()).as("noisy total of %d exact", exact).isBetween(exact / 2, exact + 45);
        await(root.resolve("node.log"), 0, "request " + after.get("id").asText() + " type=feasibility"
            + " decision=answered in ", START);

        CompletableFuture<JsonNode> waiting;
        long logged = Files.size(root.resolve("node.log"));
        try (DuckDbSiteStore held = new SiteDirectory(site).openStore(Clock.systemUTC())) {
          waiting = CompletableFuture.supplyAsync(
              () -> submit(FederationCliIT.concat(researcher, "--stratify", "sex"), query));
          await(root.resolve("node.log"), logged, "in use by another process", START);
          Thread.sleep(1500);
          assertThat(waiting).as("the request waits while the store is held").isNotDone();
          held.stats();
        }
        JsonNode bySex = waiting.get(60, TimeUnit.SECONDS);
        assertThat(bySex.get("status").get("site-1").asText()).as("%s", bySex).isEqualTo("completed");
        assertThat(bySex.get("total").asLong()).isBetween(exact / 2, exact + 45);
      } finally {
        node.destroy();
        assertThat(node.waitFor(30, TimeUnit.SECONDS)).as("the node stops on SIGTERM").isTrue();
      }
      assertThat(Files.readString(root.resolve("node.log"))).doesNotContain("Could not set lock");
    }
  }

  @Test
  void aCommandWaitsWithANoticeWhileAnotherProcessHoldsTheStore() throws Exception {
    Path site = root.resolve("site");
    ingest(site, hospital("small", 8, 33));
    Path log = root.resolve("hold.log");
    Process holder = process(log, HoldStore.class.getName(), site.toString(), "3000");
    try {
      await(log, 0, "held", START);
      long start = System.nanoTime();
      Cli.Run stats = Cli.run("stats", "--site", site.toString(), "--json");
      assertThat(stats.status()).as(stats.err()).isZero();
      assertThat(stats.err()).contains("is in use by another process").contains("waiting up to 60 s");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(500));
      assertThat(JSON.readTree(stats.out()).get("patients").asLong()).isEqualTo(8);
    } finally {
      holder.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }

  private Path hospital(String name, long patients, long seed) throws IOException {
    Path fhir = root.resolve("fhir-" + name);
    HospitalGenerator.of(GeneratorConfig.of(patients, seed, "Klinikum " + name, GeneratorConfig.DEFAULT_START, 2,
        List.of()).value()).writeTo(fhir, 2, false, (d, t, r, b) -> { });
    return fhir;
  }

  private static void ingest(Path site, Path fhir) {
    Cli.Run r = Cli.run("ingest", "--site", site.toString(), fhir.toString());
    assertThat(r.status()).as(r.err()).isZero();
  }

  private static Process process(Path log, String main, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), main));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().remove("DATENRAUM_LOG_LEVEL");
    return pb.start();
  }

  /** Waits until the log, from byte {@code from} on, contains the text. */
  private static void await(Path log, long from, String text, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.exists(log) && Files.readString(log).substring((int) from).contains(text)) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no `" + text + "` in " + log + ": " + (Files.exists(log) ? Files.readString(log) : ""));
  }

  private static String admin(String[] connection, String... args) {
    Cli.Run r = Cli.run(FederationCliIT.concat(FederationCliIT.concat(new String[] {"admin"}, args), connection));
    assertThat(r.status()).as("admin %s: %s", args[0], r.err()).isZero();
    return r.out();
  }

  private static JsonNode submit(String[] researcher, Path query) {
    Cli.Run r = Cli.run(FederationCliIT.concat(researcher, query.toString()));
    assertThat(r.status()).as("submit: %s", r.err()).isZero();
    try {
      return JSON.readTree(r.out());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
