package org.datenraum.ingest.fhir;

import java.util.Map;
import java.util.TreeMap;

/**
 * How a load read its NDJSON lines: mapped by the streaming reader, or handed to the tree-based
 * mapping, by reason ({@code type}: a type that is not streamed; {@code malformed}: invalid JSON
 * or a repeated member; {@code shape}: a construct the reader leaves to the tree; {@code
 * outcome}: a resource that waits or goes to quarantine). Immutable.
 */
public record StreamingCounts(long streamed, Map<String, Long> handedOver) {

  public StreamingCounts {
    handedOver = java.util.Collections.unmodifiableMap(new TreeMap<>(handedOver));
  }

  public long handedOverTotal() {
    return handedOver.values().stream().mapToLong(Long::longValue).sum();
  }
}
