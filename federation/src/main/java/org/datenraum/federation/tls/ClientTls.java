package org.datenraum.federation.tls;

import static java.util.Objects.requireNonNull;

import java.security.GeneralSecurityException;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * How a client (node, researcher, operator) talks TLS to the broker. Immutable.
 *
 * @param trust    the certificates to trust; empty trusts the JDK's certificate authorities
 * @param identity the client's own key and certificate, for a broker that requires mutual TLS
 */
public record ClientTls(Optional<KeyStoreFile> trust, Optional<KeyStoreFile> identity) {

  public ClientTls {
    requireNonNull(trust, "trust");
    requireNonNull(identity, "identity");
  }

  /** Whether anything differs from the JDK's defaults. */
  public boolean configured() {
    return trust.isPresent() || identity.isPresent();
  }

  /** A fresh TLS context with these stores. */
  public SSLContext sslContext() {
    try {
      SSLContext c = SSLContext.getInstance("TLS");
      c.init(identity.map(KeyStoreFile::keyManagers).orElse(null), trust.map(KeyStoreFile::trustManagers).orElse(null),
          null);
      return c;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK offers no TLS context", e);
    }
  }
}
