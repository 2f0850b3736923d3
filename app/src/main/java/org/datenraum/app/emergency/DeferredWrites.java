package org.datenraum.app.emergency;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.datenraum.core.ResourceKey;
import org.datenraum.core.WriteBatch;
import org.datenraum.ingest.cda.VisitStore;

/**
 * Reads from the target and holds the writes back, so that a group's answers can be worked out
 * before its writes count: the caller passes the writes on ({@link #batches}) only once the group
 * is durable. Not thread-safe.
 */
final class DeferredWrites implements VisitStore {

  private final VisitStore target;
  private final List<WriteBatch> batches = new ArrayList<>();

  DeferredWrites(VisitStore target) {
    this.target = target;
  }

  /** The writes held back, in order. */
  List<WriteBatch> batches() {
    return List.copyOf(batches);
  }

  @Override
  public Optional<String> resourceJson(ResourceKey key) {
    return target.resourceJson(key);
  }

  @Override
  public Optional<String> patientByIdentifier(String identifierPseudonym) {
    return target.patientByIdentifier(identifierPseudonym);
  }

  @Override
  public boolean hasPatient(String pseudonym) {
    return target.hasPatient(pseudonym);
  }

  @Override
  public Map<ResourceKey, String> resourceJson(Set<ResourceKey> keys) {
    return target.resourceJson(keys);
  }

  @Override
  public Map<String, String> patientsByIdentifier(Set<String> identifierPseudonyms) {
    return target.patientsByIdentifier(identifierPseudonyms);
  }

  @Override
  public void write(WriteBatch batch) {
    batches.add(batch);
  }
}
