package org.datenraum.ingest.dicom.internal;

import static java.util.Objects.requireNonNull;

import org.datenraum.core.Coding;

/**
 * One numeric content item of a structured report (TID 1500 measurement, or any NUM item): its
 * concept name, value, UCUM unit and the finding site and finding of its measurement group.
 * Immutable.
 */
public record Measurement(Coding name, double value, String unit, Coding findingSite, Coding finding,
    Coding coded) {

  public Measurement {
    requireNonNull(name, "name");
  }
}
