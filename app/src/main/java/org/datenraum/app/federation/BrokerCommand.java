package org.datenraum.app.federation;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.datenraum.app.IoErrors;
import org.datenraum.broker.Broker;
import org.datenraum.broker.BrokerConfig;
import org.datenraum.broker.BrokerPages;
import org.datenraum.broker.BrokerTls;
import org.datenraum.federation.tls.KeyStoreFile;
import org.datenraum.web.broker.BrokerPortal;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code datenraum broker}: runs the central broker until stopped. */
@Command(name = "broker", mixinStandardHelpOptions = true,
    description = "Run the broker: sites poll it for requests, researchers submit to it. State in DIR/broker.db.")
public final class BrokerCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--data", required = true, description = "The broker's data directory.")
  Path data;

  @Option(names = "--port", defaultValue = "8080", description = "TCP port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(names = "--host", defaultValue = "127.0.0.1",
      description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 for every interface).")
  String host;

  @Option(names = "--expiry-minutes", defaultValue = "60",
      description = "Minutes sites may take when a request names no expiry (default: ${DEFAULT-VALUE}).")
  long expiryMinutes;

  @Option(names = "--keystore", paramLabel = "FILE",
      description = "Serve HTTPS only, with this key and certificate (PKCS12 or JKS); the certificate must name"
          + " the host clients use.")
  Path keystore;

  @Option(names = "--keystore-password-file", paramLabel = "FILE",
      description = "A file whose first line is the keystore's password.")
  Path keystorePassword;

  @Option(names = "--client-auth",
      description = "Mutual TLS: refuse clients without a certificate from --truststore.")
  boolean clientAuth;

  @Option(names = "--truststore", paramLabel = "FILE",
      description = "With --client-auth: the client certificates (or their CA) to accept.")
  Path truststore;

  @Option(names = "--truststore-password-file", paramLabel = "FILE",
      description = "A file whose first line is the truststore's password.")
  Path truststorePassword;

  @Option(names = "--portal", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Serve the portal's pages for researchers and the operator beside /v1 (default: on;"
          + " --no-portal for the API only); over HTTPS too with --keystore.")
  boolean portal;

  @Override
  public Integer call() {
    BrokerConfig config = BrokerConfig.of(data, port).withHost(host).withExpiry(Duration.ofMinutes(expiryMinutes));
    Optional<BrokerTls> tls = tls();
    if (tls.isPresent()) {
      config = config.withTls(tls.get());
    }
    Broker broker;
    try {
      broker = Broker.start(config, BrokerConfig.Runtime.system(), pages());
    } catch (RuntimeException e) {
      String why = IoErrors.listenFailure(e);
      if (why == null) {
        throw e;
      }
      spec.commandLine().getErr().println("datenraum broker: DR-5853 cannot listen on `" + host + ":" + port + "`: "
          + why);
      return 2;
    }
    showRequestLog();
    var out = spec.commandLine().getOut();
    broker.newOperatorKey().ifPresent(k -> out.println("Wrote the operator key to " + k
        + " (readable by you only): use it with `datenraum admin --key-file " + k + "`."));
    out.println("Broker listening on " + broker.listening() + (clientAuth ? " (client certificates required)" : "")
        + "; API at /v1, description at /v1/openapi.json" + (portal
        ? "; portal at " + broker.listening() + "/ (sign in with a researcher's or the operator's key)." : "."));
    out.flush();
    UntilStopped.await("broker", broker::close);
    return 0;
  }

  private BrokerPages pages() {
    if (!portal) {
      return BrokerPages.NONE;
    }
    return BrokerPortal.of(Clock.systemUTC(), new SecureRandom());
  }

  /** The running broker shows its one line per request unless the logging configuration sets that logger. */
  private static void showRequestLog() {
    if (LoggerFactory.getLogger(Broker.REQUEST_LOG) instanceof ch.qos.logback.classic.Logger l && l.getLevel() == null) {
      l.setLevel(ch.qos.logback.classic.Level.INFO);
    }
  }

  private Optional<BrokerTls> tls() {
    if (keystore == null) {
      if (clientAuth || truststore != null) {
        throw new IllegalArgumentException("DR-5808 --client-auth and --truststore need --keystore: mutual TLS"
            + " runs over HTTPS.");
      }
      return Optional.empty();
    }
    if (keystorePassword == null) {
      throw new IllegalArgumentException("DR-5807 --keystore `" + keystore + "` needs --keystore-password-file:"
          + " a file whose first line is the keystore's password.");
    }
    KeyStoreFile key = new KeyStoreFile("--keystore", keystore,
        KeyStoreFile.readPassword("--keystore-password-file", keystorePassword));
    Optional<KeyStoreFile> clients = Optional.ofNullable(truststore).map(f -> new KeyStoreFile("--truststore", f,
        truststorePassword == null ? null : KeyStoreFile.readPassword("--truststore-password-file", truststorePassword)));
    return Optional.of(new BrokerTls(key, clients, clientAuth));
  }
}
