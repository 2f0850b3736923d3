package org.datenraum.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.datenraum.federation.tls.KeyStoreFile;

/** Keystores made with the JDK's keytool: a key pair with a self-signed certificate, and truststores. */
final class TestKeystores {

  static final String PASSWORD = "test-store-pass";

  private TestKeystores() {}

  /** A PKCS12 keystore with one key pair whose certificate names 127.0.0.1 and localhost. */
  static KeyStoreFile keyPair(Path dir, String name) throws Exception {
    Path store = dir.resolve(name + ".p12");
    keytool("-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + name,
        "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2", "-storetype", "PKCS12", "-keystore",
        store.toString(), "-storepass", PASSWORD);
    return new KeyStoreFile("--keystore", store, PASSWORD);
  }

  /** A PKCS12 truststore with the certificate of the keystore's key pair. */
  static KeyStoreFile trusting(Path dir, String name, KeyStoreFile keyPair) throws Exception {
    Path cert = dir.resolve(name + ".crt");
    String alias = keyPair.file().getFileName().toString().replace(".p12", "");
    keytool("-exportcert", "-rfc", "-alias", alias, "-keystore", keyPair.file().toString(), "-storepass", PASSWORD,
        "-file", cert.toString());
    Path store = dir.resolve(name + ".p12");
    keytool("-importcert", "-noprompt", "-alias", alias, "-file", cert.toString(), "-storetype", "PKCS12",
        "-keystore", store.toString(), "-storepass", PASSWORD);
    return new KeyStoreFile("--truststore", store, PASSWORD);
  }

  private static void keytool(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("keytool " + args[0] + " failed: " + output);
    }
  }
}
