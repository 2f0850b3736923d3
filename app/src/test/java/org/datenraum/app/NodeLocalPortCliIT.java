package org.datenraum.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.datenraum.app.site.SiteDirectory;
import org.datenraum.generator.GeneratorConfig;
import org.datenraum.generator.HospitalGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code datenraum node --http-port}: a key from {@code node add-key} opens the local port, a
 * revoked one does not, and a port in use stops the node with its number named.
 */
class NodeLocalPortCliIT {

  @TempDir Path root;

  @Test
  void theLocalPortTakesSiteKeysAndAPortInUseIsNamed() throws Exception {
    Path fhir = root.resolve("fhir");
    HospitalGenerator.of(GeneratorConfig.of(5, 3, "Klinikum Lokal", GeneratorConfig.DEFAULT_START, 1,
        List.of()).value()).writeTo(fhir, 1, false, (d, t, r, b) -> { });
    Path site = root.resolve("site");
    assertThat(IngestCommand.load(new SiteDirectory(site).create(), List.of(fhir), true).failed()).isFalse();
    Path adminKey = root.resolve("dora.key");
    Cli.Run added = Cli.run("node", "add-key", "dora", "--site", site.toString(), "--role", "site-admin", "--out",
        adminKey.toString());
    assertThat(added.status()).as(added.err()).isZero();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(adminKey))).isEqualTo("rw-------");
    assertThat(Cli.run("node", "add-key", "x", "--site", site.toString(), "--role", "nurse", "--out",
        root.resolve("x.key").toString()).err()).contains("DR-7112").contains("`nurse`");
    assertThat(Cli.run("node", "keys", "--site", site.toString()).out()).contains("site-admin").contains("dora")
        .doesNotContain(Files.readString(adminKey).strip());

    Path data = root.resolve("broker");
    try (Background broker = new Background("broker", "--data", data.toString(), "--host", "127.0.0.1",
        "--port", "0");
         ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      String url = "http://127.0.0.1:" + broker.await("listening on http://127\\.0\\.0\\.1:(\\d+)", Duration.ofSeconds(30));
      Path siteKey = root.resolve("site.key");
      assertThat(Cli.run("admin", "add-site", "lokal", "--broker", url, "--key-file",
          data.resolve("operator.key").toString(), "--out", siteKey.toString()).status()).isZero();
      int port = freePort();
      try (Background node = new Background("node", "--site", site.toString(), "--broker", url, "--key-file",
          siteKey.toString(), "--http-port", String.valueOf(port))) {
        node.await("local port on http://127\\.0\\.0\\.1:" + port, Duration.ofSeconds(30));
        HttpResponse<String> me = get(port, Files.readString(adminKey).strip());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"name\":\"dora\"");
        assertThat(Cli.run("node", "revoke-key", "dora", "--site", site.toString()).status()).isZero();
        assertThat(get(port, Files.readString(adminKey).strip()).statusCode()).isEqualTo(401);
        assertThat(Cli.run("node", "revoke-key", "dora", "--site", site.toString()).err()).contains("DR-7113");
      }
      Background clash = new Background("node", "--site", site.toString(), "--broker", url, "--key-file",
          siteKey.toString(), "--http-port", String.valueOf(taken.getLocalPort()));
      assertThat(clash.awaitExit(Duration.ofSeconds(30))).isEqualTo(2);
      assertThat(clash.err()).contains("DR-7101 --http-port `" + taken.getLocalPort() + "` on `127.0.0.1` is in use");
    }
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return s.getLocalPort();
    }
  }

  private static HttpResponse<String> get(int port, String key) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
        + "/local/whoami")).header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofString());
  }
}
