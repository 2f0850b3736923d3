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
    https.addCustomizer(new SecureRequestCustomizer());
    ServerConnector c = new ServerConnector(server, new SslConnectionFactory(ssl, HttpVersion.HTTP_1_1.asString()),
        new HttpConnectionFactory(https));
    c.setHost(host);
    c.setPort(port);
    return c;
  }
}
