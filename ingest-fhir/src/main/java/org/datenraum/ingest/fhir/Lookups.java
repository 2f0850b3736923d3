package org.datenraum.ingest.fhir;

import java.util.List;
import java.util.Optional;
import org.datenraum.core.Coding;

/** What the ingest needs to know of data loaded earlier (usually: the site store). */
public interface Lookups {

  /** Whether a Patient with this pseudonym was loaded before. */
  boolean hasPatient(String pseudonym);

  /** The patient pseudonym linked to an identifier pseudonym, if any. */
  Optional<String> patientByIdentifier(String identifierPseudonym);

  /** The codes of a Medication loaded before, empty if unknown. */
  List<Coding> medicationCodes(String medicationId);

  /** Whether a resource with this type and pseudonymous id was loaded before. */
  boolean hasResource(org.datenraum.core.ResourceKey key);

  /**
   * The patient pseudonym of a resource loaded before (a Specimen's or a product's), empty if it
   * is not stored or names no patient.
   */
  Optional<String> patientOf(org.datenraum.core.ResourceKey key);

  /** Lookups that know nothing, for a first load into an empty store. */
  static Lookups none() {
    return new Lookups() {
      @Override
      public boolean hasPatient(String pseudonym) {
        return false;
      }

      @Override
      public Optional<String> patientByIdentifier(String identifierPseudonym) {
        return Optional.empty();
      }

      @Override
      public List<Coding> medicationCodes(String medicationId) {
        return List.of();
      }

      @Override
      public boolean hasResource(org.datenraum.core.ResourceKey key) {
        return false;
      }

      @Override
      public Optional<String> patientOf(org.datenraum.core.ResourceKey key) {
        return Optional.empty();
      }
    };
  }
}
