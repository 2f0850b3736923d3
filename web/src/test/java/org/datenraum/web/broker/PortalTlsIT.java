package org.datenraum.web.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.datenraum.broker.Broker;
import org.datenraum.broker.BrokerConfig;
import org.datenraum.broker.BrokerTls;
import org.datenraum.federation.BrokerClient;
import org.datenraum.federation.tls.KeyStoreFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The portal over HTTPS: a broker with a self-signed keystore (made with the JDK's keytool) serves
 * the pages, the portal reaches the broker's API over TLS on its own, and the session cookie is
 * Secure. The certificate names only {@code localhost}, not the address 127.0.0.1 the portal calls
 * its API on (it trusts the broker's own certificate, pinned, wherever it calls).
 */
class PortalTlsIT {

  private static final String PASSWORD = "portal-test-pass";

  @TempDir Path dir;

  @Test
  void thePortalServesOverHttpsWithASecureSessionCookie() throws Exception {
    Path store = dir.resolve("broker.p12");
    keytool("-genkeypair", "-alias", "broker", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=broker",
        "-ext", "SAN=dns:localhost", "-validity", "2", "-storetype", "PKCS12", "-keystore",
        store.toString(), "-storepass", PASSWORD);
    KeyStoreFile keystore = new KeyStoreFile("--keystore", store, PASSWORD);
    Path data = dir.resolve("broker");
    try (Broker broker = Broker.start(BrokerConfig.of(data, 0).withHost("127.0.0.1").withTls(BrokerTls.of(keystore)),
        new BrokerConfig.Runtime(Clock.systemUTC(), Duration.ofMinutes(10)),
        BrokerPortal.of(Clock.systemUTC(), new SecureRandom()))) {
      assertThat(broker.localUri().getScheme()).isEqualTo("https");
      java.net.URI named = java.net.URI.create("https://localhost:" + broker.port());
      SSLContext trusting = trusting(keystore.load());
      BrokerClient op = BrokerClient.of(named, Files.readString(data.resolve("operator.key")).strip(),
          trusting);
      String alice = op.addResearcher("alice").orThrow().key();

      var self = BrokerClient.of(broker.localUri(), alice, BrokerTls.of(keystore).selfClientContext()).me();
      assertThat(self.status()).as(String.valueOf(self.problem())).isEqualTo(200);
      Browserless b = new Browserless(named, trusting);
      HttpResponse<String> in = b.signIn(alice);
      assertThat(in.statusCode()).as(in.body().replaceAll("(?s).*<p class=\"error\"[^>]*>([^<]*)<.*", "$1"))
          .isEqualTo(303);
      String cookie = in.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("dr_session="))
          .findFirst().orElseThrow();
      assertThat(cookie).contains("; Secure").contains("HttpOnly").contains("SameSite=Strict");
      HttpResponse<String> requests = b.get("/research/requests");
      assertThat(requests.statusCode()).isEqualTo(200);
      assertThat(requests.body()).contains("alice");
      assertThat(new Browserless(named, trusting).signIn("drk_wrong").body()).contains("DR-7010");
    }
  }

  /** A client context that trusts the keystore's certificate. */
  private static SSLContext trusting(KeyStore keystore) throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("broker", keystore.getCertificate("broker"));
    TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    f.init(trust);
    SSLContext c = SSLContext.getInstance("TLS");
    c.init(null, f.getTrustManagers(), null);
    return c;
  }

  private static void keytool(String... args) throws IOException, InterruptedException {
    List<String> cmd = new java.util.ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    if (p.waitFor() != 0) {
      throw new IllegalStateException("keytool " + args[0] + " failed: " + output);
    }
  }
}
