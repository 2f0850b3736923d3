package org.datenraum.broker;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts exactly the certificates of a keystore's own keys (pinned): a server that presents one of
 * them is the broker itself, whatever address it was called on, so the address need not be one the
 * certificate names. Trusts no client. Immutable and thread-safe.
 */
final class SelfTrust extends X509ExtendedTrustManager {

  private final Set<X509Certificate> own;

  private SelfTrust(Set<X509Certificate> own) {
    this.own = Set.copyOf(own);
  }

  /** The certificates of the keystore's key entries. */
  static SelfTrust of(KeyStore keystore) throws GeneralSecurityException {
    Set<X509Certificate> certs = new HashSet<>();
    for (String alias : Collections.list(keystore.aliases())) {
      Certificate c = keystore.isKeyEntry(alias) ? keystore.getCertificate(alias) : null;
      if (c instanceof X509Certificate x) {
        certs.add(x);
      }
    }
    return new SelfTrust(certs);
  }

  private void check(X509Certificate[] chain) throws CertificateException {
    if (chain == null || chain.length == 0 || !own.contains(chain[0])) {
      throw new CertificateException("the server's certificate is not the broker's own");
    }
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    check(chain);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
    check(chain);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    check(chain);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    throw new CertificateException("the broker's own pages trust no client");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
    throw new CertificateException("the broker's own pages trust no client");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    throw new CertificateException("the broker's own pages trust no client");
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return own.toArray(new X509Certificate[0]);
  }
}
