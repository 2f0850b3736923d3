package org.datenraum.app.site;

import java.util.List;
import java.util.Optional;
import org.datenraum.core.Coding;
import org.datenraum.ingest.fhir.Lookups;
import org.datenraum.store.SiteStore;

/** The ingest's view of what a site store already holds. */
public record StoreLookups(SiteStore store) implements Lookups {

  @Override
  public boolean hasPatient(String pseudonym) {
    return store.hasPatient(pseudonym);
  }

  @Override
  public Optional<String> patientByIdentifier(String identifierPseudonym) {
    return store.patientByIdentifier(identifierPseudonym);
  }

  @Override
  public List<Coding> medicationCodes(String medicationId) {
    return store.medicationCodes(medicationId);
  }

  @Override
  public boolean hasResource(org.datenraum.core.ResourceKey key) {
    return store.resourceJson(key).isPresent();
  }

  @Override
  public java.util.Optional<String> patientOf(org.datenraum.core.ResourceKey key) {
    return store.resourceJson(key).flatMap(org.datenraum.ingest.fhir.StoredPatient::of);
  }
}
