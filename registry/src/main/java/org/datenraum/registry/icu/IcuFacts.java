package org.datenraum.registry.icu;

import java.util.function.Consumer;

/**
 * What the intensive care indicators read from a site: per patient, the facts
 * {@link IcuFactSelection} names (encounters, ventilation and prone positioning procedures,
 * ARDS diagnoses, the observations of {@link Measure}, vasopressor administrations).
 */
public interface IcuFacts {

  /**
   * Hands every patient with at least one Encounter fact to {@code sink}, one at a time, with
   * the selected facts of that patient.
   */
  void forEachPatient(Consumer<PatientFacts> sink);
}
