package org.datenraum.app.federation;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.datenraum.federation.BrokerClient;
import org.datenraum.federation.tls.ClientTls;

/** API key files: one key on one line, readable by the owner only. */
final class KeyFiles {

  private KeyFiles() {}

  static String read(Path file) {
    try {
      String key = Files.readString(file).strip();
      if (key.isEmpty()) {
        throw new IllegalArgumentException("--key-file `" + file + "` is empty: give the file the operator issued.");
      }
      return key;
    } catch (IOException e) {
      throw new IllegalArgumentException("--key-file `" + file + "` cannot be read ("
          + org.datenraum.app.IoErrors.reason(e) + "): give the file the operator issued.", e);
    }
  }

  static BrokerClient client(URI broker, Path keyFile, ClientTls tls) {
    return BrokerClient.of(broker, read(keyFile), tls.configured() ? tls.sslContext() : null);
  }
}
