package org.datenraum.app.federation;

import java.nio.file.Path;
import java.util.Optional;
import org.datenraum.federation.tls.ClientTls;
import org.datenraum.federation.tls.KeyStoreFile;
import picocli.CommandLine.Option;

/** The TLS options of every command that calls the broker. */
public class ClientTlsOptions {

  @Option(names = "--truststore", paramLabel = "FILE",
      description = "Certificates to trust for an https broker (PKCS12 or JKS), e.g. the broker's own"
          + " (default: the JDK's certificate authorities).")
  Path truststore;

  @Option(names = "--truststore-password-file", paramLabel = "FILE",
      description = "A file whose first line is the truststore's password.")
  Path truststorePassword;

  @Option(names = "--client-keystore", paramLabel = "FILE",
      description = "This client's key and certificate (PKCS12 or JKS), for a broker that requires mutual TLS.")
  Path clientKeystore;

  @Option(names = "--client-keystore-password-file", paramLabel = "FILE",
      description = "A file whose first line is the client keystore's password.")
  Path clientKeystorePassword;

  public ClientTls tls() {
    Optional<KeyStoreFile> trust = Optional.ofNullable(truststore).map(f -> new KeyStoreFile("--truststore", f,
        truststorePassword == null ? null : KeyStoreFile.readPassword("--truststore-password-file", truststorePassword)));
    if (clientKeystore != null && clientKeystorePassword == null) {
      throw new IllegalArgumentException("DR-5807 --client-keystore `" + clientKeystore + "` needs"
          + " --client-keystore-password-file: a file whose first line is the keystore's password.");
    }
    Optional<KeyStoreFile> identity = Optional.ofNullable(clientKeystore).map(f -> new KeyStoreFile(
        "--client-keystore", f, KeyStoreFile.readPassword("--client-keystore-password-file", clientKeystorePassword)));
    return new ClientTls(trust, identity);
  }
}
