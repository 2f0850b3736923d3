package org.datenraum.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.datenraum.app.bench.SyntheticEdDocuments;
import org.datenraum.app.federation.NodeHttpWiring;
import org.datenraum.app.federation.SiteAdminWiring;
import org.datenraum.app.site.SiteDirectory;
import org.datenraum.node.NodeDirectory;
import org.datenraum.node.http.LocalKeys;
import org.datenraum.node.http.NodeHttp;
import org.datenraum.node.http.NodeHttpConfig;
import org.datenraum.store.duckdb.DuckDbSiteStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * AKTIN's endpoint on the node's local port over real HTTP: the storyboard sequence gets its
 * reference answers for a site-import key; other keys, no key, other content types and oversized
 * documents are refused; the visits are in the site store as soon as the port has stopped.
 */
class CdaHttpIT {

  private static final int PARALLEL = 8;

  private final HttpClient client = HttpClient.newHttpClient();

  @TempDir Path tmp;

  @Test
  void theStoryboardsOverHttp() throws Exception {
    Path site = tmp.resolve("site");
    Path kis = tmp.resolve("kis.key");
    Path dora = tmp.resolve("dora.key");
    assertThat(Cli.run("node", "add-key", "kis", "--site", site.toString(), "--role", "site-import", "--out",
        kis.toString()).status()).isZero();
    assertThat(Cli.run("node", "add-key", "dora", "--site", site.toString(), "--role", "site-admin", "--out",
        dora.toString()).status()).isZero();
    String importer = Files.readString(kis).strip();
    SiteDirectory dir = new SiteDirectory(site);
    try (NodeHttp http = NodeHttp.start(NodeHttpConfig.loopback(0), LocalKeys.in(new NodeDirectory(site).root()),
        NodeHttpWiring.routes(dir, SiteAdminWiring.admin(dir, SiteAdminWiring.perReading(dir, Clock.systemUTC()),
            Set::of), "test"))) {
      List<Integer> statuses = new ArrayList<>();
      String location = null;
      for (String n : List.of("01", "01", "01_error", "02", "03")) {
        HttpResponse<String> r = post(http, importer, "text/xml",
            Files.readAllBytes(Cli.testData("aktin/cda/storyboards/aktin_test_storyboard" + n + ".xml")));
        statuses.add(r.statusCode());
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/fhir+json");
        assertThat(r.body()).contains("\"resourceType\":\"OperationOutcome\"");
        if (r.statusCode() == 201 && location == null) {
          location = r.headers().firstValue("Location").orElseThrow();
        }
        if (r.statusCode() == 422) {
          assertThat(r.body()).contains("DR-7206").contains("/cda:ClinicalDocument/cda:componentOf");
        }
      }
      assertThat(statuses).containsExactly(201, 200, 422, 201, 201);
      assertThat(location).startsWith("/aktin/cda/fhir/Binary/");

      byte[] doc = Files.readAllBytes(Cli.testData("aktin/cda/storyboards/aktin_test_storyboard04.xml"));
      assertThat(post(http, Files.readString(dora).strip(), "text/xml", doc).statusCode()).as("a researcher or admin key")
          .isEqualTo(403);
      assertThat(post(http, null, "text/xml", doc).statusCode()).isEqualTo(401);
      assertThat(post(http, importer, "application/json", doc).body()).contains("DR-7214");
      assertThat(post(http, importer, "application/xml", new byte[3 * 1024 * 1024]).statusCode()).isEqualTo(413);
      assertThat(post(http, importer, "application/xml", doc).statusCode()).isEqualTo(201);

      SyntheticEdDocuments synthetic = new SyntheticEdDocuments(3, java.time.YearMonth.of(2026, 11));
      List<byte[]> parallel = new ArrayList<>();
      for (int n = 0; n < PARALLEL; n++) {
        parallel.add(synthetic.next(n).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
      java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
      try {
        List<java.util.concurrent.Future<Integer>> answers = new ArrayList<>();
        for (byte[] d : parallel) {
          answers.add(pool.submit(() -> post(http, importer, "text/xml", d).statusCode()));
        }
        for (java.util.concurrent.Future<Integer> a : answers) {
          assertThat(a.get()).as("documents posted at once are each stored").isEqualTo(201);
        }
      } finally {
        pool.shutdownNow();
      }
    }
    // Stopping the port wrote the answered documents to the store and freed it.
    try (DuckDbSiteStore store = dir.openStore(Clock.systemUTC())) {
      assertThat(store.facts().filter(f -> f.resourceType().equals("Encounter")).count()).isEqualTo(4 + PARALLEL);
      assertThat(store.quarantine()).hasSize(2);
    }
  }

  private HttpResponse<String> post(NodeHttp http, String key, String type, byte[] body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(http.uri() + "/aktin/cda/fhir/Binary"))
        .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (key != null) {
      b.header("Authorization", "Bearer " + key);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
