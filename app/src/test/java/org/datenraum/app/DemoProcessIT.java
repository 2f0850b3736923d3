package org.datenraum.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.datenraum.app.site.SiteDirectory;
import org.datenraum.core.Fact;
import org.datenraum.federation.BrokerClient;
import org.datenraum.federation.v1.RequestView;
import org.datenraum.federation.v1.SiteStatus;
import org.datenraum.federation.v1.Submission;
import org.datenraum.federation.v1.WireJson;
import org.datenraum.store.duckdb.DuckDbSiteStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code datenraum demo} as a real process: it says when it is ready, answers a researcher through
 * /v1 and a site admin on a node's local port, imports a CDA document posted to a node's AKTIN
 * endpoint with the printed site import key into the store the demo holds, and SIGTERM stops it
 * with every port released; a port in use is refused by number.
 */
class DemoProcessIT {

  private static final Pattern URL = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)");

  @TempDir Path tmp;

  @Test
  void theRunningDemoAnswersAndStopsCleanlyOnSigterm() throws Exception {
    Path dir = tmp.resolve("demo");
    Path log = tmp.resolve("demo.log");
    Process demo = start(log, "demo", "--dir", dir.toString(), "--patients", "20", "--port", "0");
    String out;
    List<Integer> ports;
    String location;
    try {
      out = awaitReady(demo, log, Duration.ofSeconds(150));
      ports = ports(out);
      assertThat(ports).as("broker and three local ports").hasSize(4).doesNotHaveDuplicates();
      String key = keyOf(out, "researcher");
      BrokerClient researcher = BrokerClient.of(URI.create("http://127.0.0.1:" + ports.get(0)), key);
      String query = Files.readString(Path.of("").toAbsolutePath().getParent()
          .resolve("examples/queries/diabetes-60plus.json"));
      String id = researcher.submit(Submission.feasibility(WireJson.mapper().readTree(query))).orThrow().id();
      RequestView v = researcher.request(id, Duration.ofSeconds(20)).orThrow();
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (!v.done() && System.nanoTime() < deadline) {
        v = researcher.request(id, Duration.ofSeconds(20)).orThrow();
      }
      assertThat(v.sites()).hasSize(3).allSatisfy(s -> assertThat(s.status()).isEqualTo(SiteStatus.COMPLETED));

      HttpResponse<String> portal = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + ports.get(0) + "/signin")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(portal.statusCode()).isEqualTo(200);
      assertThat(portal.body()).contains("<form").contains("_csrf");
      HttpResponse<String> me = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + ports.get(1) + "/local/whoami"))
          .header("Authorization", "Bearer " + keyOf(out, "site admin")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(me.statusCode()).isEqualTo(200);
      assertThat(me.body()).contains("\"role\":\"site-admin\"");

      URI aktin = URI.create("http://127.0.0.1:" + ports.get(1) + "/aktin/cda/fhir/Binary");
      byte[] cda = Files.readAllBytes(Cli.testData("aktin/cda/storyboards/aktin_test_storyboard01.xml"));
      HttpResponse<String> stored = post(aktin, keyOf(out, "site import"), cda);
      assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
      location = stored.headers().firstValue("Location").orElseThrow();
      assertThat(post(aktin, keyOf(out, "site import"), cda).statusCode()).as("the running demo's store holds it")
          .isEqualTo(200);
      assertThat(post(aktin, keyOf(out, "site admin"), cda).statusCode()).as("not with a site admin key").isEqualTo(403);
    } finally {
      demo.destroy();
    }
    List<ProcessHandle> children = demo.toHandle().descendants().toList();
    assertThat(demo.waitFor(30, TimeUnit.SECONDS)).as("stopped within 30 s of SIGTERM").isTrue();
    String encounter = location.substring(location.lastIndexOf('/') + 1);
    try (DuckDbSiteStore store = new SiteDirectory(dir.resolve("sites").resolve("site-1")).openStore(Clock.systemUTC())) {
      List<Fact> visit = store.facts().filter(f -> encounter.equals(f.encounter())).toList();
      assertThat(visit).as("the posted visit is in the first site's store").anySatisfy(f -> {
        assertThat(f.resourceType()).isEqualTo("Encounter");
        assertThat(f.code().code()).isEqualTo("EMER");
      });
      assertThat(visit.stream().filter(f -> f.resourceType().equals("Condition")).map(f -> f.code().code()))
          .as("its diagnosis, counted once although posted twice").containsExactly("S93.6");
    }
    assertThat(demo.exitValue()).as("the JVM's status after SIGTERM").isEqualTo(128 + 15);
    assertThat(Files.readString(log)).contains("Demo network stopped.");
    assertThat(children).noneMatch(ProcessHandle::isAlive);
    for (int port : ports) {
      try (ServerSocket free = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
        assertThat(free.getLocalPort()).isEqualTo(port);
      }
    }

    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      Path clashLog = tmp.resolve("clash.log");
      Process clash = start(clashLog, "demo", "--dir", dir.toString(), "--patients", "20", "--port",
          String.valueOf(taken.getLocalPort()));
      assertThat(clash.waitFor(60, TimeUnit.SECONDS)).as("refused within 60 s").isTrue();
      assertThat(clash.exitValue()).isEqualTo(2);
      assertThat(Files.readString(clashLog)).contains("`" + taken.getLocalPort() + "`").contains("in use")
          .doesNotContain("Failed to start").doesNotContain("\tat ");
    }
  }

  private static HttpResponse<String> post(URI uri, String key, byte[] body) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + key)
        .header("Content-Type", "text/xml").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static Process start(Path log, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  private static String awaitReady(Process p, Path log, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      String out = Files.exists(log) ? Files.readString(log) : "";
      if (out.contains(DemoServe.READY)) {
        return out;
      }
      if (!p.isAlive()) {
        throw new AssertionError("the demo ended with status " + p.exitValue() + ": " + out);
      }
      Thread.sleep(100);
    }
    throw new AssertionError("not ready within " + timeout + ": " + Files.readString(log));
  }

  /** The broker's port, then the nodes' local ports, in the order printed. */
  private static List<Integer> ports(String out) {
    String network = out.substring(out.indexOf("2. The network"), out.indexOf(DemoServe.READY));
    List<Integer> ports = new ArrayList<>();
    Matcher m = URL.matcher(network);
    while (m.find()) {
      ports.add(Integer.parseInt(m.group(1)));
    }
    return ports;
  }

  private static String keyOf(String out, String role) {
    Matcher m = Pattern.compile(role + " `[^`]+`\\s+key (\\S+)").matcher(out);
    assertThat(m.find()).as("a " + role + " key in " + out).isTrue();
    return m.group(1);
  }
}
