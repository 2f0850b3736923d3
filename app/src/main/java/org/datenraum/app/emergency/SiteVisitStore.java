package org.datenraum.app.emergency;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.datenraum.core.ResourceKey;
import org.datenraum.core.WriteBatch;
import org.datenraum.ingest.cda.VisitStore;
import org.datenraum.store.SiteStore;

/** The CDA receiver's view of a site store. */
public record SiteVisitStore(SiteStore store) implements VisitStore {

  @Override
  public Optional<String> resourceJson(ResourceKey key) {
    return store.resourceJson(key);
  }

  @Override
  public Optional<String> patientByIdentifier(String identifierPseudonym) {
    return store.patientByIdentifier(identifierPseudonym);
  }

  @Override
  public boolean hasPatient(String pseudonym) {
    return store.hasPatient(pseudonym);
  }

  @Override
  public Map<ResourceKey, String> resourceJson(Set<ResourceKey> keys) {
    return store.resourceJson(keys);
  }

  @Override
  public Map<String, String> patientsByIdentifier(Set<String> identifierPseudonyms) {
    return store.patientsByIdentifier(identifierPseudonyms);
  }

  @Override
  public void write(WriteBatch batch) {
    store.write(batch);
  }
}
