package org.datenraum.registry.imaging;

import java.util.Arrays;

/**
 * The attenuation histogram of a CT series: voxel counts in {@link #BINS} bins of {@link #WIDTH}
 * Hounsfield units from {@link #LOW} (values below count in the first bin, above in the last).
 * It is computed at the site from pixel data and handed to models; it is never stored or sent.
 * Immutable.
 */
public final class HuHistogram {

  public static final int BINS = 64;
  public static final int LOW = -1024;
  public static final int WIDTH = 32;
  private final long[] counts;

  private HuHistogram(long[] counts) {
    this.counts = counts;
  }

  /** A histogram of these counts ({@link #BINS} of them). */
  public static HuHistogram of(long[] counts) {
    if (counts.length != BINS) {
      throw new IllegalArgumentException("a histogram has " + BINS + " bins, not " + counts.length);
    }
    return new HuHistogram(counts.clone());
  }

  /** The bin of a value in HU. */
  public static int bin(double hu) {
    int b = (int) Math.floor((hu - LOW) / WIDTH);
    return Math.max(0, Math.min(BINS - 1, b));
  }

  public long count(int bin) {
    return counts[bin];
  }

  public long total() {
    return Arrays.stream(counts).sum();
  }

  /** The counts as the models' input tensor. */
  public float[] asFloats() {
    float[] f = new float[BINS];
    for (int i = 0; i < BINS; i++) {
      f[i] = counts[i];
    }
    return f;
  }

  @Override
  public String toString() {
    return "HuHistogram[" + total() + " voxels]";
  }
}
