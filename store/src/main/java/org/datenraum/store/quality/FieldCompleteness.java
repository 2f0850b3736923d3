package org.datenraum.store.quality;

import static java.util.Objects.requireNonNull;

/**
 * How many facts of one resource type carry each field the fact contract (docs/facts.md) lets be
 * empty: encounter, start, end, value and status. Counts, no rows. Immutable.
 */
public record FieldCompleteness(String resourceType, long facts, long encounter, long start, long end, long value,
    long status) {

  public FieldCompleteness {
    requireNonNull(resourceType, "resourceType");
  }

  /** The share of facts with a field, 0 to 1 (0 without facts). */
  public static double share(long with, long facts) {
    return facts == 0 ? 0 : (double) with / facts;
  }
}
