package org.datenraum.registry.imaging;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * What a model gets of one study at the site: its resource id, patient, study key, time, the
 * series it was computed from (keys) and their attenuation histogram. Immutable.
 */
public record StudyInput(String studyId, String patient, String studyKey, Instant time,
    List<String> seriesKeys, HuHistogram histogram) {

  public StudyInput {
    requireNonNull(studyId, "studyId");
    requireNonNull(patient, "patient");
    requireNonNull(studyKey, "studyKey");
    seriesKeys = List.copyOf(seriesKeys);
    requireNonNull(histogram, "histogram");
  }
}
