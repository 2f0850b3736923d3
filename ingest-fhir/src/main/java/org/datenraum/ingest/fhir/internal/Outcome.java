package org.datenraum.ingest.fhir.internal;

import java.util.Map;
import org.datenraum.core.Problem;
import org.datenraum.core.QuarantineEntry;
import org.datenraum.core.ResourceKey;
import org.datenraum.core.ResourceRecord;

/** What became of one entry. */
public sealed interface Outcome {

  /** Store (or replace) the resource; link the identifiers to its patient. */
  record Upsert(ResourceRecord record, Map<String, String> identifiers) implements Outcome {
    public Upsert {
      java.util.Objects.requireNonNull(record, "record");
      identifiers = Map.copyOf(identifiers);
    }
  }

  /** Remove the resource. */
  record Delete(ResourceKey key) implements Outcome {}

  /** Put the entry into quarantine. */
  record Reject(QuarantineEntry entry) implements Outcome {}

  /** Try again at the end of the load: a resource it needs may still come. */
  record Defer(RawEntry entry, Problem ifStillMissing) implements Outcome {}
}
