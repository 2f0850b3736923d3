package org.datenraum.ingest.fhir;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a load did. Immutable.
 *
 * @param files            files found
 * @param unreadableFiles  files that could not be read as a whole
 * @param stored           resources stored or replaced, by type
 * @param deleted          delete instructions carried out
 * @param quarantined      rejected records, by problem code
 * @param seconds          wall time
 */
public record IngestReport(
    int files,
    int unreadableFiles,
    Map<String, Long> stored,
    long deleted,
    Map<String, Long> quarantined,
    double seconds) {

  public IngestReport {
    stored = java.util.Collections.unmodifiableMap(new TreeMap<>(stored));
    quarantined = java.util.Collections.unmodifiableMap(new TreeMap<>(quarantined));
  }

  public long storedTotal() {
    return stored.values().stream().mapToLong(Long::longValue).sum();
  }

  public long quarantinedTotal() {
    return quarantined.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Whether everything given was loaded: at least one file, every file read, no record rejected. */
  public boolean complete() {
    return files > 0 && unreadableFiles == 0 && quarantinedTotal() == 0;
  }

  /** Whether the input as a whole could not be read: no file at all could be. */
  public boolean failed() {
    return files == 0 || unreadableFiles == files;
  }
}
