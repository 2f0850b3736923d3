package org.datenraum.node.http;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A site-local key as the site keeps it: its name, role, creation time and the SHA-256 of the key
 * (hex), never the key itself. Immutable.
 */
public record LocalKeyEntry(String name, String role, Instant created, String sha256) {

  public LocalKeyEntry {
    requireNonNull(name, "name");
    requireNonNull(role, "role");
    requireNonNull(created, "created");
    requireNonNull(sha256, "sha256");
  }

  /** The role, when the file names a known one. */
  java.util.Optional<LocalRole> localRole() {
    return LocalRole.ofWire(role);
  }
}
