package org.datenraum.ingest.fhir;

/** Receives progress of a load: bytes of input read so far of the total, resources mapped. */
@FunctionalInterface
public interface IngestProgress {

  void update(long bytesRead, long bytesTotal, long resources);

  static IngestProgress none() {
    return (read, total, resources) -> { };
  }
}
