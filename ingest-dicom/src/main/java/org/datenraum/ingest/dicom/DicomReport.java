package org.datenraum.ingest.dicom;

import java.util.List;
import java.util.Map;

/**
 * What a DICOM load did: files read as DICOM, distinct studies, series and instances it stored
 * (new ones only: loading the same files again stores none), files quarantined by reason code,
 * DICOMDIRs and other files skipped, and where the new instances' files are (site-local, for the
 * models). Immutable.
 */
public record DicomReport(int files, int studies, int series, int instances,
    Map<String, Integer> quarantined, int skipped, List<DicomSource> sources, double seconds) {

  public DicomReport {
    quarantined = Map.copyOf(quarantined);
    sources = List.copyOf(sources);
  }

  public int quarantinedTotal() {
    return quarantined.values().stream().mapToInt(Integer::intValue).sum();
  }
}
