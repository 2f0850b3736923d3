package org.datenraum.app.demo;

import static java.util.Objects.requireNonNull;

import java.net.URI;

/** A demo node's local port (site admin pages) and the site admin key made for this run. Immutable. */
public record DemoLocalPort(DemoSite site, URI uri, String key) {

  public DemoLocalPort {
    requireNonNull(site, "site");
    requireNonNull(uri, "uri");
    requireNonNull(key, "key");
  }
}
