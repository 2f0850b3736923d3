package org.datenraum.ingest.cda;

import java.util.Optional;
import org.datenraum.core.ResourceKey;
import org.datenraum.core.WriteBatch;

/** What the CDA receiver needs of a site store: read what is stored, write a batch atomically. */
public interface VisitStore {

  /** The de-identified JSON of a stored resource. */
  Optional<String> resourceJson(ResourceKey key);

  /** The patient pseudonym linked to an identifier pseudonym, if any. */
  Optional<String> patientByIdentifier(String identifierPseudonym);

  /** Whether a patient with this pseudonym is stored. */
  boolean hasPatient(String pseudonym);

  /** Writes the batch, all or nothing. */
  void write(WriteBatch batch);
}
