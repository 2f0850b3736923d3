package org.datenraum.app.demo;

import static java.util.Objects.requireNonNull;

import java.net.URI;

/**
 * A demo node's local port (site admin pages, AKTIN's CDA import endpoint), the site admin key
 * and the site import key made for this run. Immutable.
 */
public record DemoLocalPort(DemoSite site, URI uri, String key, String importKey) {

  public DemoLocalPort {
    requireNonNull(site, "site");
    requireNonNull(uri, "uri");
    requireNonNull(key, "key");
    requireNonNull(importKey, "importKey");
  }
}
