package org.datenraum.core;

import static java.util.Objects.requireNonNull;

/** A resource's type and (pseudonymised) id. Immutable. */
public record ResourceKey(String type, String id) {

  public ResourceKey {
    requireNonNull(type, "type");
    requireNonNull(id, "id");
  }

  @Override
  public String toString() {
    return type + "/" + id;
  }
}
