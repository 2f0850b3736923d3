package org.datenraum.broker.internal;

import javax.net.ssl.SSLContext;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/** A Jetty connector that speaks only HTTPS (HTTP/1.1 over TLS). */
public final class TlsConnector {

  private TlsConnector() {}

  /**
   * @param clientAuth whether a client must present a certificate the context trusts
   */
  public static ServerConnector of(Server server, HttpConfiguration http, String host, int port, SSLContext context,
      boolean clientAuth) {
    SslContextFactory.Server ssl = new SslContextFactory.Server();
    ssl.setSslContext(context);
    ssl.setNeedClientAuth(clientAuth);
    HttpConfiguration https = new HttpConfiguration(http);
    // One certificate and no virtual hosts: clients check the certificate's names themselves. The
    // request's host is not checked against it, so the broker's own pages may call the API on
    // 127.0.0.1 although the certificate names the host clients use (they pin the certificate).
    SecureRequestCustomizer secure = new SecureRequestCustomizer();
    secure.setSniHostCheck(false);
    https.addCustomizer(secure);
    ServerConnector c = new ServerConnector(server, new SslConnectionFactory(ssl, HttpVersion.HTTP_1_1.asString()),
        new HttpConnectionFactory(https));
    c.setHost(host);
    c.setPort(port);
    return c;
  }
}
