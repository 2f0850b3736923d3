package org.datenraum.registry.imaging;

import java.util.List;

/**
 * The port of imaging models: a model takes a study's data at the site and returns biomarkers.
 * Implementations: {@link LungOpacityReference} (plain Java, the oracle) and
 * {@link OnnxImagingModel} (ONNX Runtime on the CPU).
 */
public interface ImagingModel extends AutoCloseable {

  ModelInfo info();

  /** The biomarkers of one study. */
  List<Biomarker> run(StudyInput study);

  @Override
  default void close() {}
}
