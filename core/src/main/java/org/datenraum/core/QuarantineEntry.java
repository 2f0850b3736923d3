package org.datenraum.core;

import static java.util.Objects.requireNonNull;

/**
 * A record that was rejected at the door, with where it came from and why. Holds no clinical
 * content. Immutable.
 *
 * @param file         the input file
 * @param location     where in the file: {@code line 12}, {@code entry[3]}, or {@code file}
 * @param resourceType the resource type if known, else null
 * @param resourceId   the resource id as given in the file, if known, else null
 * @param problem      why it was rejected
 */
public record QuarantineEntry(
    String file, String location, String resourceType, String resourceId, Problem problem) {

  public QuarantineEntry {
    requireNonNull(file, "file");
    requireNonNull(location, "location");
    requireNonNull(problem, "problem");
  }
}
