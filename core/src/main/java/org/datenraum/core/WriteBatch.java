package org.datenraum.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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

  /**
   * Whether {@code next} may be written together with this batch, as {@link #merge} makes them,
   * leaving the store as writing the two in turn would: so unless {@code next} deletes (a batch's
   * deletes come before its upserts, and a Patient's delete removes all of that patient's data).
   */
  public boolean canMergeWith(WriteBatch next) {
    return next.deletes.isEmpty();
  }

  /**
   * Consecutive batches as one, for a single transaction: this batch's deletes, then the
   * upserts in order with a later one of the same key replacing the earlier one in its place,
   * identifier links with later ones winning, and all quarantine entries.
   *
   * @throws IllegalArgumentException if a later batch deletes (see {@link #canMergeWith})
   */
  public static WriteBatch merge(List<WriteBatch> batches) {
    if (batches.size() == 1) {
      return batches.get(0);
    }
    Map<ResourceKey, ResourceRecord> upserts = new LinkedHashMap<>();
    Map<String, String> identifiers = new HashMap<>();
    List<QuarantineEntry> quarantine = new ArrayList<>();
    for (int i = 0; i < batches.size(); i++) {
      WriteBatch b = batches.get(i);
      if (i > 0 && !batches.get(i - 1).canMergeWith(b)) {
        throw new IllegalArgumentException("batch " + i + " deletes resources: it cannot be merged"
            + " with the batches before it.");
      }
      for (ResourceRecord r : b.upserts) {
        upserts.put(r.key(), r);
      }
      identifiers.putAll(b.identifiers);
      quarantine.addAll(b.quarantine);
    }
    return new WriteBatch(new ArrayList<>(upserts.values()), batches.get(0).deletes, identifiers,
        quarantine);
  }

  public boolean isEmpty() {
    return upserts.isEmpty() && deletes.isEmpty() && identifiers.isEmpty() && quarantine.isEmpty();
  }
}
