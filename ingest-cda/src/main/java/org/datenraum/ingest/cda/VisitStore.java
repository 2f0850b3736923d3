package org.datenraum.ingest.cda;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

  /** The JSON of those of the resources that are stored; a database should read them at once. */
  default Map<ResourceKey, String> resourceJson(Set<ResourceKey> keys) {
    Map<ResourceKey, String> out = new HashMap<>();
    keys.forEach(k -> resourceJson(k).ifPresent(j -> out.put(k, j)));
    return out;
  }

  /** The patients linked to those of the identifiers that are linked; a database should read them at once. */
  default Map<String, String> patientsByIdentifier(Set<String> identifierPseudonyms) {
    Map<String, String> out = new HashMap<>();
    identifierPseudonyms.forEach(i -> patientByIdentifier(i).ifPresent(p -> out.put(i, p)));
    return out;
  }
}
