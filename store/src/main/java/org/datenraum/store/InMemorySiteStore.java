package org.datenraum.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.datenraum.core.Coding;
import org.datenraum.core.Fact;
import org.datenraum.core.PatientRecord;
import org.datenraum.core.QuarantineEntry;
import org.datenraum.core.ResourceKey;
import org.datenraum.core.ResourceRecord;
import org.datenraum.core.WriteBatch;

/** A site store in memory, for tests. Thread-safe (all methods synchronized). */
public final class InMemorySiteStore implements SiteStore {

  private final Map<ResourceKey, ResourceRecord> resources = new LinkedHashMap<>();
  private final Map<String, String> identifiers = new LinkedHashMap<>();
  private final List<QuarantineEntry> quarantine = new ArrayList<>();

  @Override
  public synchronized void write(WriteBatch batch) {
    for (ResourceKey key : batch.deletes()) {
      delete(key);
    }
    for (ResourceRecord r : batch.upserts()) {
      resources.remove(r.key());
      resources.put(r.key(), r);
    }
    identifiers.putAll(batch.identifiers());
    quarantine.addAll(batch.quarantine());
  }

  private void delete(ResourceKey key) {
    resources.remove(key);
    if (key.type().equals("Patient")) {
      resources.values().removeIf(r -> key.id().equals(r.patient()));
      identifiers.values().removeIf(key.id()::equals);
    }
  }

  @Override
  public synchronized boolean hasPatient(String pseudonym) {
    return resources.containsKey(new ResourceKey("Patient", pseudonym));
  }

  @Override
  public synchronized Optional<String> patientByIdentifier(String identifierPseudonym) {
    return Optional.ofNullable(identifiers.get(identifierPseudonym));
  }

  @Override
  public synchronized List<Coding> medicationCodes(String medicationId) {
    for (String type : List.of("Medication", "ResearchStudy", "Substance")) {
      ResourceRecord r = resources.get(new ResourceKey(type, medicationId));
      if (r != null) {
        return r.codes();
      }
    }
    return List.of();
  }

  @Override
  public synchronized SiteStats stats() {
    Map<String, Long> byType = new TreeMap<>();
    long facts = 0;
    for (ResourceRecord r : resources.values()) {
      byType.merge(r.key().type(), 1L, Long::sum);
      facts += r.facts().size();
    }
    return new SiteStats(byType.getOrDefault("Patient", 0L), byType, facts, quarantine.size());
  }

  @Override
  public synchronized Stream<PatientRecord> patients() {
    return resources.values().stream()
        .map(ResourceRecord::demographics)
        .filter(java.util.Objects::nonNull)
        .toList()
        .stream();
  }

  @Override
  public synchronized Stream<Fact> facts() {
    return resources.values().stream().flatMap(r -> r.facts().stream()).toList().stream();
  }

  @Override
  public synchronized Optional<String> resourceJson(ResourceKey key) {
    return Optional.ofNullable(resources.get(key)).map(ResourceRecord::jsonText);
  }

  @Override
  public synchronized List<QuarantineEntry> quarantine() {
    return List.copyOf(quarantine);
  }

  @Override
  public void close() {}
}
