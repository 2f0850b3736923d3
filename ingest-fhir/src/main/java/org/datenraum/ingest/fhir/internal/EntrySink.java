package org.datenraum.ingest.fhir.internal;

import org.datenraum.core.QuarantineEntry;

/** Receives what a reader finds in a file: entries to map and records it could not read. */
public interface EntrySink {

  void entry(RawEntry entry);

  /** An NDJSON line, parsed by the sink. */
  void line(JsonLine line);

  void reject(QuarantineEntry rejected);

  /** How many bytes of the file being read have been handed on so far. */
  default void position(long fileBytes) {}
}
