package org.datenraum.broker;

import static java.util.Objects.requireNonNull;

import java.security.GeneralSecurityException;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.datenraum.federation.tls.KeyStoreFile;

/**
 * HTTPS at the broker. Immutable.
 *
 * @param keystore    the broker's private key and certificate; the certificate must name the host
 *                    clients use (DNS name or IP address), since clients verify it
 * @param clientTrust the certificates (or their CA) of clients the broker accepts
 * @param clientAuth  mutual TLS: refuse a client without a certificate from {@code clientTrust}
 */
public record BrokerTls(KeyStoreFile keystore, Optional<KeyStoreFile> clientTrust, boolean clientAuth) {

  public BrokerTls {
    requireNonNull(keystore, "keystore");
    requireNonNull(clientTrust, "clientTrust");
    if (clientAuth && clientTrust.isEmpty()) {
      throw new IllegalArgumentException("DR-5806 --client-auth needs --truststore: the certificates (or their CA)"
          + " of the nodes and researchers the broker accepts.");
    }
  }

  /** HTTPS without client certificates. */
  public static BrokerTls of(KeyStoreFile keystore) {
    return new BrokerTls(keystore, Optional.empty(), false);
  }

  /** HTTPS that requires a client certificate issued by one of {@code clients}. */
  public static BrokerTls mutual(KeyStoreFile keystore, KeyStoreFile clients) {
    return new BrokerTls(keystore, Optional.of(clients), true);
  }

  /**
   * The TLS context the broker's own pages call its API with: they trust exactly the broker's own
   * certificate ({@link SelfTrust}) and present the broker's key when client certificates are
   * required (the truststore must then accept the broker's certificate too).
   */
  public SSLContext selfClientContext() {
    try {
      SSLContext c = SSLContext.getInstance("TLS");
      c.init(keystore.keyManagers(), new javax.net.ssl.TrustManager[] {SelfTrust.of(keystore.load())}, null);
      return c;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK offers no TLS context", e);
    }
  }

  /** A TLS context with the broker's key and, for mutual TLS, the trusted client certificates. */
  public SSLContext sslContext() {
    try {
      SSLContext c = SSLContext.getInstance("TLS");
      c.init(keystore.keyManagers(), clientTrust.map(KeyStoreFile::trustManagers).orElse(null), null);
      return c;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK offers no TLS context", e);
    }
  }
}
