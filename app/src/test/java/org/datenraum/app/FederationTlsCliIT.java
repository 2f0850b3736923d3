package org.datenraum.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.datenraum.app.site.SiteDirectory;
import org.datenraum.federation.tls.KeyStoreFile;
import org.datenraum.generator.GeneratorConfig;
import org.datenraum.generator.HospitalGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands' TLS options: a broker with HTTPS and client certificates, nodes and clients with and without one. */
class FederationTlsCliIT {

  private static final Duration START = Duration.ofSeconds(30);

  @TempDir Path root;

  @Test
  void withClientAuthOnlyClientsAndNodesWithATrustedCertificateGetThrough() throws Exception {
    KeyStoreFile brokerKey = TestKeystores.keyPair(root, "broker");
    KeyStoreFile trustBroker = TestKeystores.trusting(root, "trust-broker", brokerKey);
    KeyStoreFile clientKey = TestKeystores.keyPair(root, "client");
    KeyStoreFile trustClients = TestKeystores.trusting(root, "trust-clients", clientKey);
    String password = Files.writeString(root.resolve("password"), TestKeystores.PASSWORD + "\n").toString();
    Path data = root.resolve("broker");
    Path keys = Files.createDirectories(root.resolve("keys"));
    String[] trust = {"--truststore", trustBroker.file().toString(), "--truststore-password-file", password};
    String[] certificate = {"--client-keystore", clientKey.file().toString(), "--client-keystore-password-file",
        password};

    try (Background broker = new Background("broker", "--data", data.toString(), "--host", "127.0.0.1", "--port", "0",
        "--keystore", brokerKey.file().toString(), "--keystore-password-file", password, "--client-auth",
        "--truststore", trustClients.file().toString(), "--truststore-password-file", password)) {
      String port = broker.await("listening on https://127\\.0\\.0\\.1:(\\d+) \\(client certificates required\\)", START);
      String url = "https://127.0.0.1:" + port;
      String[] operator = {"--broker", url, "--key-file", data.resolve("operator.key").toString()};

      Cli.Run noCertificate = Cli.run(FederationCliIT.concat(FederationCliIT.concat(new String[] {"admin", "list"},
          operator), trust));
      assertThat(noCertificate.status()).isEqualTo(2);
      assertThat(noCertificate.err()).contains("cannot reach the broker");
      Cli.Run plain = Cli.run("admin", "list", "--broker", "http://127.0.0.1:" + port, "--key-file",
          data.resolve("operator.key").toString());
      assertThat(plain.status()).isEqualTo(2);

      for (String site : List.of("with-cert", "without-cert", "alice")) {
        String[] add = {"admin", site.equals("alice") ? "add-researcher" : "add-site", site, "--out",
            keys.resolve(site + ".key").toString()};
        Cli.Run r = Cli.run(FederationCliIT.concat(FederationCliIT.concat(FederationCliIT.concat(add, operator), trust),
            certificate));
        assertThat(r.status()).as(r.err()).isZero();
      }
      try (Background withCert = node("with-cert", url, FederationCliIT.concat(trust, certificate));
          Background withoutCert = node("without-cert", url, trust)) {
        Cli.Run r = Cli.run(FederationCliIT.concat(FederationCliIT.concat(new String[] {"submit", "--broker", url,
            "--key-file", keys.resolve("alice.key").toString(), "--wait", "--timeout", "4", "--json",
            root.resolve("q.json").toString()}, trust), certificate));
        JsonNode status = new ObjectMapper().readTree(r.out()).get("status");
        assertThat(status.get("with-cert").asText()).isEqualTo("completed");
        assertThat(status.get("without-cert").asText()).as("never retrieved").isEqualTo("queued");
      }
    }
  }

  private Background node(String name, String url, String[] tls) throws Exception {
    Path fhir = root.resolve("fhir-" + name);
    HospitalGenerator.of(GeneratorConfig.of(40, name.length(), name, GeneratorConfig.DEFAULT_START, 1, List.of())
        .value()).writeTo(fhir, 2, false, (d, t, r, b) -> { });
    Path site = root.resolve("site-" + name);
    IngestCommand.load(new SiteDirectory(site).create(), List.of(fhir), true);
    Files.writeString(root.resolve("q.json"), FederationCliIT.DIABETES);
    Background node = new Background(FederationCliIT.concat(new String[] {"node", "--site", site.toString(), "--broker",
        url, "--key-file", root.resolve("keys").resolve(name + ".key").toString(), "--auto-approve", "feasibility"},
        tls));
    node.await("polling", START);
    return node;
  }
}
