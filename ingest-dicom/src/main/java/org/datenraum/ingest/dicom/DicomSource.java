package org.datenraum.ingest.dicom;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * Where the file of a stored instance is at the site: its study (resource id), series key, and
 * path. Paths may name patients: they stay at the site, outside the research store. Immutable.
 */
public record DicomSource(String studyId, String seriesKey, String modality, Path file) {

  public DicomSource {
    requireNonNull(studyId, "studyId");
    requireNonNull(seriesKey, "seriesKey");
    requireNonNull(file, "file");
  }

  @Override
  public String toString() {
    return "DicomSource[redacted]";
  }
}
