package org.datenraum.ingest.dicom;

import java.util.Optional;
import org.datenraum.core.ResourceKey;

/** What the DICOM ingest needs to know of data loaded earlier (usually: the site store). */
public interface DicomLookups {

  /** Whether a Patient with this pseudonym was loaded before. */
  boolean hasPatient(String pseudonym);

  /** The patient pseudonym linked to an identifier pseudonym, if any. */
  Optional<String> patientByIdentifier(String identifierPseudonym);

  /** The de-identified JSON of a stored resource. */
  Optional<String> resourceJson(ResourceKey key);

  /** Lookups that know nothing, for a first load into an empty store. */
  static DicomLookups none() {
    return new DicomLookups() {
      @Override
      public boolean hasPatient(String pseudonym) {
        return false;
      }

      @Override
      public Optional<String> patientByIdentifier(String identifierPseudonym) {
        return Optional.empty();
      }

      @Override
      public Optional<String> resourceJson(ResourceKey key) {
        return Optional.empty();
      }
    };
  }
}
