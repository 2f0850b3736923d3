package org.datenraum.ingest.fhir.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.datenraum.core.QuarantineEntry;
import org.datenraum.core.ResourceKey;
import org.datenraum.core.ResourceRecord;
import org.datenraum.core.WriteBatch;

/** Collects outcomes into a {@link WriteBatch}; a later outcome for the same key wins. */
public final class BatchBuilder {

  private final Map<ResourceKey, ResourceRecord> upserts = new LinkedHashMap<>();
  private final Set<ResourceKey> deletes = new LinkedHashSet<>();
  private final Map<String, String> identifiers = new HashMap<>();
  private final List<QuarantineEntry> quarantine = new ArrayList<>();

  public void add(Outcome outcome) {
    if (outcome instanceof Outcome.Upsert u) {
      upserts.put(u.record().key(), u.record());
      identifiers.putAll(u.identifiers());
    } else if (outcome instanceof Outcome.Delete d) {
      upserts.remove(d.key());
      deletes.add(d.key());
    } else if (outcome instanceof Outcome.Reject r) {
      quarantine.add(r.entry());
    } else {
      throw new IllegalArgumentException("a deferred entry is not written");
    }
  }

  public void reject(QuarantineEntry entry) {
    quarantine.add(entry);
  }

  public int size() {
    return upserts.size() + deletes.size() + quarantine.size();
  }

  /** The batch so far; empties the builder. */
  public WriteBatch drain() {
    WriteBatch b = new WriteBatch(List.copyOf(upserts.values()), List.copyOf(deletes),
        identifiers, quarantine);
    upserts.clear();
    deletes.clear();
    identifiers.clear();
    quarantine.clear();
    return b;
  }
}
