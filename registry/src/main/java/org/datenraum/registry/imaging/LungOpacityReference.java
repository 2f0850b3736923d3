package org.datenraum.registry.imaging;

import java.util.List;

/**
 * The lung-opacity score in plain Java, as the shipped ONNX model computes it: of the voxels in
 * the lung parenchyma range (bins from -960 up to -320 HU), the percentage in the ground-glass
 * and opacity range (-704 up to -320 HU). Immutable and thread-safe.
 */
public final class LungOpacityReference implements ImagingModel {

  /** The biomarker's name. */
  public static final String NAME = "lung-opacity-percent";
  /** First and last bins (inclusive) of the lung range and of the opacity range. */
  public static final int LUNG_FIRST = 2;
  public static final int OPACITY_FIRST = 10;
  public static final int LAST = 21;

  @Override
  public ModelInfo info() {
    return new ModelInfo("lung-opacity", "1", "reference");
  }

  @Override
  public List<Biomarker> run(StudyInput study) {
    return List.of(new Biomarker(NAME, score(study.histogram()), "%"));
  }

  /** The score of a histogram, in percent. */
  public static double score(HuHistogram h) {
    double lung = 0;
    double opaque = 0;
    for (int i = LUNG_FIRST; i <= LAST; i++) {
      lung += (float) h.count(i);
      if (i >= OPACITY_FIRST) {
        opaque += (float) h.count(i);
      }
    }
    return 100.0 * opaque / Math.max(lung, 1.0);
  }
}
