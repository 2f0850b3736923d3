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

  /**
   * Written out rather than generated: a new process puts thousands of keys into hash maps before
   * its first query, while the generated methods still run through method handles.
   */
  @Override
  public int hashCode() {
    return ((resourceType.hashCode() * 31 + path.hashCode()) * 31 + coding.system().hashCode()) * 31
        + coding.code().hashCode();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IndexKey k && resourceType.equals(k.resourceType) && path.equals(k.path)
        && coding.system().equals(k.coding.system()) && coding.code().equals(k.coding.code());
  }

  boolean isCode() {
    return path.isEmpty();
  }

  /** The attribute line as the fact table stores it ({@code path=system|code}). */
  String attributeLine() {
    return path + "=" + coding.system() + "|" + coding.code();
  }
}
