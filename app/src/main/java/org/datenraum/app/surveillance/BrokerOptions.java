package org.datenraum.app.surveillance;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.datenraum.app.federation.ClientTlsOptions;
import org.datenraum.federation.BrokerClient;
import org.datenraum.federation.tls.ClientTls;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options of the surveillance commands that talk to the broker. */
final class BrokerOptions {

  @Option(names = "--broker", paramLabel = "URL", description = "The broker's address, e.g. https://broker.example:8443.")
  URI broker;

  @Option(names = "--key-file", paramLabel = "FILE", description = "Your key file, issued by the operator.")
  Path keyFile;

  @Mixin ClientTlsOptions tls = new ClientTlsOptions();

  boolean given() {
    return broker != null;
  }

  /** The client, or an {@link IllegalArgumentException} that says which option is missing. */
  BrokerClient client() {
    if (broker == null || keyFile == null) {
      throw new IllegalArgumentException("DR-6330 --broker URL and --key-file FILE are both required.");
    }
    String key;
    try {
      key = Files.readString(keyFile).strip();
    } catch (IOException e) {
      throw new IllegalArgumentException("DR-6331 --key-file `" + keyFile + "` cannot be read ("
          + org.datenraum.app.IoErrors.reason(e) + "): give the file the operator issued.", e);
    }
    if (key.isEmpty()) {
      throw new IllegalArgumentException("DR-6331 --key-file `" + keyFile + "` is empty: give the file the operator issued.");
    }
    ClientTls t = tls.tls();
    return BrokerClient.of(broker, key, t.configured() ? t.sslContext() : null);
  }
}
