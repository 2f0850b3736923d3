package org.datenraum.ingest.fhir;

/**
 * Receives progress of a load: bytes of input handled so far of the total (within an NDJSON file
 * counted line by line as lines are handed on for mapping, not as the file is read ahead), and
 * resources mapped.
 */
@FunctionalInterface
public interface IngestProgress {

  void update(long bytesRead, long bytesTotal, long resources);

  static IngestProgress none() {
    return (read, total, resources) -> { };
  }
}
