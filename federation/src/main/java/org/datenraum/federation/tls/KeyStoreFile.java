package org.datenraum.federation.tls;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * A keystore file (PKCS12 or JKS, detected from the content) and its password. Immutable;
 * {@link #toString()} never shows the password.
 *
 * @param option   the command-line option that named the file, for error messages
 * @param file     the keystore
 * @param password its password; null for a truststore whose certificates are not encrypted
 */
public record KeyStoreFile(String option, Path file, String password) {

  public KeyStoreFile {
    requireNonNull(option, "option");
    requireNonNull(file, "file");
  }

  /** Reads the password from the first line of a file, as {@code --...-password-file} options give it. */
  public static String readPassword(String option, Path passwordFile) {
    try {
      String text = Files.readString(passwordFile);
      int end = text.indexOf('\n');
      String line = end < 0 ? text : text.substring(0, end);
      return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    } catch (IOException e) {
      throw new IllegalArgumentException("DR-5801 " + option + " `" + passwordFile + "` cannot be read ("
          + e.getMessage() + "): give a file whose first line is the password.", e);
    }
  }

  /** The keystore's content. */
  public KeyStore load() {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("DR-5802 " + option + " `" + file + "` does not exist or is not a file:"
          + " give a PKCS12 or JKS keystore (create one with `keytool -genkeypair` or `keytool -importcert`).");
    }
    try {
      return KeyStore.getInstance(file.toFile(), password == null ? null : password.toCharArray());
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("DR-5803 " + option + " `" + file + "` cannot be opened (" + e.getMessage()
          + "): check that it is a PKCS12 or JKS keystore and that the password file holds its password.", e);
    }
  }

  /** The private keys and certificate chains, to prove who this party is. */
  public KeyManager[] keyManagers() {
    KeyStore ks = load();
    try {
      if (!hasKey(ks)) {
        throw new IllegalArgumentException("DR-5804 " + option + " `" + file + "` holds no private key: give a"
            + " keystore made with `keytool -genkeypair`, not a truststore.");
      }
      KeyManagerFactory f = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      f.init(ks, password == null ? new char[0] : password.toCharArray());
      return f.getKeyManagers();
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("DR-5803 " + option + " `" + file + "`: the private key cannot be read ("
          + e.getMessage() + "): the key's password must equal the keystore's.", e);
    }
  }

  /** The certificates this party trusts. */
  public TrustManager[] trustManagers() {
    KeyStore ks = load();
    try {
      if (ks.size() == 0) {
        throw new IllegalArgumentException("DR-5805 " + option + " `" + file + "` holds no certificate: import the"
            + " peer's certificate (or its CA's) with `keytool -importcert`.");
      }
      TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      f.init(ks);
      return f.getTrustManagers();
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("DR-5803 " + option + " `" + file + "` cannot be used as a truststore ("
          + e.getMessage() + ").", e);
    }
  }

  private static boolean hasKey(KeyStore ks) throws GeneralSecurityException {
    for (String alias : java.util.Collections.list(ks.aliases())) {
      if (ks.isKeyEntry(alias)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "KeyStoreFile[" + option + "=" + file + ", password=" + (password == null ? "none" : "***") + "]";
  }
}
