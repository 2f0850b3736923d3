package org.datenraum.ingest.cda;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.datenraum.core.QuarantineEntry;
import org.datenraum.core.ResourceKey;
import org.datenraum.core.ResourceRecord;
import org.datenraum.core.WriteBatch;

/**
 * Collects the writes of many documents and writes them to the target as one batch, so that a
 * load of many files is not one store transaction per document; reads see the collected writes.
 * Deletes of keys written in the same collection drop those writes, so the one batch (deletes
 * first, then upserts) leaves what the documents one by one would have left. Not thread-safe
 * (the receiver stores one document at a time).
 */
public final class BufferedVisitStore implements VisitStore, AutoCloseable {

  private final VisitStore target;
  private final int documents;
  private final Map<ResourceKey, ResourceRecord> upserts = new LinkedHashMap<>();
  private final Set<ResourceKey> deletes = new LinkedHashSet<>();
  private final Map<String, String> identifiers = new HashMap<>();
  private final List<QuarantineEntry> quarantine = new ArrayList<>();
  private final Map<ResourceKey, Optional<String>> readResources = new HashMap<>();
  private final Map<String, Optional<String>> readIdentifiers = new HashMap<>();
  private int pending;

  /** Writes to {@code target} after every {@code documents} documents and at {@link #flush()}. */
  public BufferedVisitStore(VisitStore target, int documents) {
    this.target = requireNonNull(target, "target");
    if (documents < 1) {
      throw new IllegalArgumentException("documents per batch must be positive, not " + documents);
    }
    this.documents = documents;
  }

  @Override
  public Optional<String> resourceJson(ResourceKey key) {
    ResourceRecord r = upserts.get(key);
    if (r != null) {
      return Optional.of(r.jsonText());
    }
    if (deletes.contains(key)) {
      return Optional.empty();
    }
    Optional<String> read = readResources.get(key);
    return read != null ? read : target.resourceJson(key);
  }

  @Override
  public Optional<String> patientByIdentifier(String identifierPseudonym) {
    String p = identifiers.get(identifierPseudonym);
    if (p != null) {
      return Optional.of(p);
    }
    Optional<String> read = readIdentifiers.get(identifierPseudonym);
    return read != null ? read : target.patientByIdentifier(identifierPseudonym);
  }

  /**
   * Reads these resources and identifier links from the target at once (one query each in a
   * database), so that the documents of a batch do not ask the target one by one. What was read
   * is forgotten at the next {@link #flush()}.
   */
  public void prefetch(Set<ResourceKey> resources, Set<String> identifierPseudonyms) {
    Map<ResourceKey, String> json = target.resourceJson(resources);
    resources.forEach(k -> readResources.put(k, Optional.ofNullable(json.get(k))));
    Map<String, String> patients = target.patientsByIdentifier(identifierPseudonyms);
    identifierPseudonyms.forEach(i -> readIdentifiers.put(i, Optional.ofNullable(patients.get(i))));
  }

  /** Answers from the collected writes and what was read; asks the target about the rest at once. */
  @Override
  public Map<ResourceKey, String> resourceJson(Set<ResourceKey> keys) {
    Map<ResourceKey, String> out = new HashMap<>();
    Set<ResourceKey> ask = new HashSet<>();
    for (ResourceKey k : keys) {
      ResourceRecord r = upserts.get(k);
      Optional<String> read = readResources.get(k);
      if (r != null) {
        out.put(k, r.jsonText());
      } else if (!deletes.contains(k) && read != null) {
        read.ifPresent(j -> out.put(k, j));
      } else if (!deletes.contains(k)) {
        ask.add(k);
      }
    }
    if (!ask.isEmpty()) {
      out.putAll(target.resourceJson(ask));
    }
    return out;
  }

  /** Answers from the collected links and what was read; asks the target about the rest at once. */
  @Override
  public Map<String, String> patientsByIdentifier(Set<String> identifierPseudonyms) {
    Map<String, String> out = new HashMap<>();
    Set<String> ask = new HashSet<>();
    for (String i : identifierPseudonyms) {
      String p = identifiers.get(i);
      Optional<String> read = readIdentifiers.get(i);
      if (p != null) {
        out.put(i, p);
      } else if (read != null) {
        read.ifPresent(v -> out.put(i, v));
      } else {
        ask.add(i);
      }
    }
    if (!ask.isEmpty()) {
      out.putAll(target.patientsByIdentifier(ask));
    }
    return out;
  }

  /** Documents written since the last {@link #flush()}. */
  public int pending() {
    return pending;
  }

  @Override
  public boolean hasPatient(String pseudonym) {
    return upserts.containsKey(new ResourceKey("Patient", pseudonym)) || target.hasPatient(pseudonym);
  }

  @Override
  public void write(WriteBatch batch) {
    for (ResourceKey d : batch.deletes()) {
      upserts.remove(d);
      deletes.add(d);
    }
    batch.upserts().forEach(r -> upserts.put(r.key(), r));
    identifiers.putAll(batch.identifiers());
    quarantine.addAll(batch.quarantine());
    if (++pending >= documents) {
      flush();
    }
  }

  /** Writes what was collected as one batch. */
  public void flush() {
    if (pending == 0) {
      return;
    }
    target.write(new WriteBatch(List.copyOf(upserts.values()), List.copyOf(deletes), identifiers, quarantine));
    upserts.clear();
    deletes.clear();
    identifiers.clear();
    quarantine.clear();
    readResources.clear();
    readIdentifiers.clear();
    pending = 0;
  }

  @Override
  public void close() {
    flush();
  }
}
