package org.datenraum.node.http;

import static java.util.Objects.requireNonNull;

/** Who called the node's local port: the name a key was created for, and its role. Immutable. */
public record LocalPrincipal(String name, LocalRole role) {

  public LocalPrincipal {
    requireNonNull(name, "name");
    requireNonNull(role, "role");
  }
}
