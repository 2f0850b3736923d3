package org.datenraum.ingest.cda;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.datenraum.core.Fact;
import org.datenraum.core.PatientRecord;
import org.datenraum.core.QuarantineEntry;
import org.datenraum.core.ResourceKey;
import org.datenraum.core.ResourceRecord;
import org.datenraum.core.WriteBatch;

/** A {@link VisitStore} in memory, with the same replace and delete rules as the site store. Thread-safe. */
public final class InMemoryVisitStore implements VisitStore {

  private final Map<ResourceKey, ResourceRecord> resources = new LinkedHashMap<>();
  private final Map<String, String> identifiers = new LinkedHashMap<>();
  private final List<QuarantineEntry> quarantine = new ArrayList<>();

  @Override
  public synchronized Optional<String> resourceJson(ResourceKey key) {
    return Optional.ofNullable(resources.get(key)).map(ResourceRecord::jsonText);
  }

  @Override
  public synchronized Optional<String> patientByIdentifier(String identifierPseudonym) {
    return Optional.ofNullable(identifiers.get(identifierPseudonym));
  }

  @Override
  public synchronized boolean hasPatient(String pseudonym) {
    return resources.containsKey(new ResourceKey("Patient", pseudonym));
  }

  @Override
  public synchronized void write(WriteBatch batch) {
    batch.deletes().forEach(resources::remove);
    batch.upserts().forEach(r -> resources.put(r.key(), r));
    identifiers.putAll(batch.identifiers());
    quarantine.addAll(batch.quarantine());
  }

  /** All stored facts. */
  public synchronized List<Fact> facts() {
    return resources.values().stream().flatMap(r -> r.facts().stream()).toList();
  }

  /** All stored patients. */
  public synchronized List<PatientRecord> patients() {
    return resources.values().stream().filter(r -> r.demographics() != null)
        .map(ResourceRecord::demographics).toList();
  }

  /** The stored resources' keys. */
  public synchronized List<ResourceKey> keys() {
    return List.copyOf(resources.keySet());
  }

  /** The quarantined documents, oldest first. */
  public synchronized List<QuarantineEntry> quarantine() {
    return List.copyOf(quarantine);
  }
}
