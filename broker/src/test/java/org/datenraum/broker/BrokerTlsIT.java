package org.datenraum.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.datenraum.federation.BrokerClient;
import org.datenraum.federation.tls.ClientTls;
import org.datenraum.federation.tls.KeyStoreFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The broker over HTTPS on loopback, with and without client certificates. */
class BrokerTlsIT {

  @TempDir static Path stores;
  private static KeyStoreFile brokerKey;
  private static KeyStoreFile trustBroker;
  private static KeyStoreFile nodeKey;
  private static KeyStoreFile trustNode;
  private static KeyStoreFile strangerKey;

  @TempDir Path dir;
  private Broker broker;

  @BeforeAll
  static void keystores() throws Exception {
    brokerKey = TestKeystores.keyPair(stores, "broker");
    trustBroker = TestKeystores.trusting(stores, "trust-broker", brokerKey);
    nodeKey = TestKeystores.keyPair(stores, "node");
    trustNode = TestKeystores.trusting(stores, "trust-node", nodeKey);
    strangerKey = TestKeystores.keyPair(stores, "stranger");
  }

  @AfterEach
  void stop() {
    if (broker != null) {
      broker.close();
    }
  }

  private void start(BrokerTls tls) {
    broker = Broker.start(BrokerConfig.of(dir, 0).withHost("127.0.0.1").withTls(tls));
  }

  private BrokerClient client(String key, Optional<KeyStoreFile> identity) {
    return BrokerClient.of(broker.localUri(), key, new ClientTls(Optional.of(trustBroker), identity).sslContext());
  }

  private String operatorKey() throws Exception {
    return Files.readString(dir.resolve("operator.key"));
  }

  @Test
  void httpsSucceedsAndPlainHttpOrAnUntrustedCertificateFails() throws Exception {
    start(BrokerTls.of(brokerKey));
    assertThat(broker.localUri().getScheme()).isEqualTo("https");
    BrokerClient op = client(operatorKey(), Optional.empty());
    assertThat(op.addSite("a").orThrow().key()).startsWith("drk_");
    assertThat(op.principals().orThrow()).extracting(p -> p.name()).contains("operator", "a");

    BrokerClient plain = BrokerClient.of(URI.create("http://127.0.0.1:" + broker.port()), operatorKey());
    assertThatThrownBy(plain::principals).isInstanceOf(UncheckedIOException.class);

    BrokerClient jdkTrustOnly = BrokerClient.of(broker.localUri(), operatorKey());
    assertThatThrownBy(jdkTrustOnly::principals).isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("cannot reach the broker");
  }

  @Test
  void mutualTlsRefusesANodeWithoutATrustedClientCertificate() throws Exception {
    start(BrokerTls.mutual(brokerKey, trustNode));
    BrokerClient op = client(operatorKey(), Optional.of(nodeKey));
    String siteKey = op.addSite("a").orThrow().key();

    BrokerClient node = client(siteKey, Optional.of(nodeKey));
    assertThat(node.poll(Duration.ofMillis(50), false).orThrow()).isEmpty();

    BrokerClient withoutCertificate = client(siteKey, Optional.empty());
    assertThatThrownBy(() -> withoutCertificate.poll(Duration.ofMillis(50), false))
        .isInstanceOf(UncheckedIOException.class);
    BrokerClient untrusted = client(siteKey, Optional.of(strangerKey));
    assertThatThrownBy(() -> untrusted.poll(Duration.ofMillis(50), false))
        .isInstanceOf(UncheckedIOException.class);
  }

  @Test
  void clientAuthWithoutATruststoreIsRefusedAtConfiguration() {
    assertThatThrownBy(() -> new BrokerTls(brokerKey, Optional.empty(), true))
        .hasMessageContaining("DR-5806").hasMessageContaining("--truststore");
  }

  @Test
  void aWrongKeystorePasswordNamesTheOptionAndTheFile() {
    KeyStoreFile wrong = new KeyStoreFile("--keystore", brokerKey.file(), "not-the-password");
    assertThatThrownBy(() -> Broker.start(BrokerConfig.of(dir, 0).withHost("127.0.0.1").withTls(BrokerTls.of(wrong))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("DR-5803").hasMessageContaining("--keystore").hasMessageContaining("broker.p12");
    assertThat(wrong.toString()).doesNotContain("not-the-password");
  }
}
