package org.datenraum.node.http;

import static java.util.Objects.requireNonNull;

/**
 * Where the node's local HTTP port listens: an address of this machine (127.0.0.1 unless the site
 * chooses otherwise) and a port (0 for a free one). Immutable.
 */
public record NodeHttpConfig(String bind, int port) {

  /** The address the local port listens on unless told otherwise. */
  public static final String LOOPBACK = "127.0.0.1";

  public NodeHttpConfig {
    requireNonNull(bind, "bind");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("DR-7100 --http-port `" + port + "` is not a port: give 1 to 65535.");
    }
  }

  /** The local port on 127.0.0.1. */
  public static NodeHttpConfig loopback(int port) {
    return new NodeHttpConfig(LOOPBACK, port);
  }
}
