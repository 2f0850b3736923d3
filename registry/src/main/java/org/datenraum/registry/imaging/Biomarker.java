package org.datenraum.registry.imaging;

import static java.util.Objects.requireNonNull;

/** One value a model computed: a name (a code of {@code urn:datenraum:imaging-biomarker}), value, UCUM unit. Immutable. */
public record Biomarker(String name, double value, String unit) {

  public Biomarker {
    requireNonNull(name, "name");
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("biomarker " + name + " is not a finite number");
    }
  }
}
