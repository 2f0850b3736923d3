package org.datenraum.ingest.dicom.internal;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What the ingest takes from one DICOM instance, before pseudonymisation: the UIDs and the
 * patient id (identifying: never stored as they are), and the metadata that is kept. The name
 * words of the people a file names are kept here only to keep them out of descriptions.
 * Immutable; {@link #toString()} is redacted.
 */
public record Instance(Uids uids, Subject subject, Acquisition acquisition, List<Measurement> measurements,
    List<Segment> segments, Set<String> nameWords) {

  public Instance {
    requireNonNull(uids, "uids");
    requireNonNull(subject, "subject");
    requireNonNull(acquisition, "acquisition");
    measurements = List.copyOf(measurements);
    segments = List.copyOf(segments);
    nameWords = Set.copyOf(nameWords);
  }

  /** Study, series and SOP instance UIDs and the SOP class. */
  public record Uids(String study, String series, String instance, String sopClass) {
    public Uids {
      requireNonNull(study, "study");
      requireNonNull(series, "series");
      requireNonNull(instance, "instance");
    }
  }

  /** The patient id as the file gives it, sex (DICOM M/F/O) and birth date (DA), each or null. */
  public record Subject(String patientId, String sex, String birthDate) {
    public Subject {
      requireNonNull(patientId, "patientId");
    }
  }

  /**
   * The acquisition: modality, body part examined, study time, device, descriptions, slice
   * thickness (mm), contrast (null: not stated), CTDIvol (mGy), each or null.
   */
  public record Acquisition(String modality, String bodyPart, Instant studyTime, String manufacturer,
      String model, String protocol, String seriesDescription, Double sliceThickness,
      Boolean contrast, Double ctdiVol) {}

  @Override
  public String toString() {
    return "Instance[redacted]";
  }
}
