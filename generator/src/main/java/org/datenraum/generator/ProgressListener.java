package org.datenraum.generator;

/** Told after each batch of patients has been written. */
@FunctionalInterface
public interface ProgressListener {

  ProgressListener NONE = (done, total, resources, bytes) -> {};

  void progress(long patientsDone, long patientsTotal, long resources, long bytes);
}
