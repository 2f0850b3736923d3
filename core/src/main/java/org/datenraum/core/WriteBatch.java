package org.datenraum.core;

import java.util.List;
import java.util.Map;

/**
 * What one step of a load writes to the site store, all or nothing: resources to insert or
 * replace, resources to delete, identifier links for conditional references, and quarantined
 * records. Immutable.
 *
 * @param upserts     resources to insert, replacing any stored resource with the same key
 * @param deletes     resources to remove (a Patient removes all of that patient's data)
 * @param identifiers identifier pseudonym to patient pseudonym, for conditional references
 * @param quarantine  rejected records
 */
public record WriteBatch(
    List<ResourceRecord> upserts,
    List<ResourceKey> deletes,
    Map<String, String> identifiers,
    List<QuarantineEntry> quarantine) {

  public WriteBatch {
    upserts = List.copyOf(upserts);
    deletes = List.copyOf(deletes);
    identifiers = Map.copyOf(identifiers);
    quarantine = List.copyOf(quarantine);
  }

  public boolean isEmpty() {
    return upserts.isEmpty() && deletes.isEmpty() && identifiers.isEmpty() && quarantine.isEmpty();
  }
}
