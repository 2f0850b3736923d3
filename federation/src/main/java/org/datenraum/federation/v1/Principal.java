package org.datenraum.federation.v1;

import java.time.Instant;

/** A registered site, researcher or operator, without its key. Immutable. */
public record Principal(String name, Role role, Instant created, boolean revoked) {

  public Principal {
    Fields.text(name, "name");
    Fields.required(role, "role");
    Fields.required(created, "created");
  }
}
