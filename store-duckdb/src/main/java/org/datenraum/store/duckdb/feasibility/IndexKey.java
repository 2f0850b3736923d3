package org.datenraum.store.duckdb.feasibility;

import static java.util.Objects.requireNonNull;

import org.datenraum.core.Coding;

/**
 * What one bitmap of the feasibility index is about: facts of a resource type whose own code
 * ({@code path} empty) or whose attribute at element path {@code path} is the coding. Immutable.
 */
record IndexKey(String resourceType, String path, Coding coding) {

  IndexKey {
    requireNonNull(resourceType, "resourceType");
    requireNonNull(path, "path");
    requireNonNull(coding, "coding");
  }

  boolean isCode() {
    return path.isEmpty();
  }

  /** The attribute line as the fact table stores it ({@code path=system|code}). */
  String attributeLine() {
    return path + "=" + coding.system() + "|" + coding.code();
  }
}
