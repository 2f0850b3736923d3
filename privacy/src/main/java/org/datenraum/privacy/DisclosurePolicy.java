package org.datenraum.privacy;

import java.util.Locale;

/**
 * How a site protects a count before it leaves: Laplace noise with sensitivity 1 and privacy
 * parameter {@code epsilon}, then rounding to a multiple of {@code rounding}; true counts below
 * {@code threshold} are not released at all. Immutable.
 *
 * @param epsilon   the privacy parameter of the Laplace mechanism (scale = 1 / epsilon)
 * @param rounding  released counts are multiples of this
 * @param threshold true counts below this are suppressed
 */
public record DisclosurePolicy(double epsilon, int rounding, long threshold) {

  public DisclosurePolicy {
    if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
      throw new IllegalArgumentException("epsilon `" + epsilon + "` must be a positive number, e.g. 0.5.");
    }
    if (rounding < 1) {
      throw new IllegalArgumentException("rounding `" + rounding + "` must be at least 1, e.g. 10.");
    }
    if (threshold < 0) {
      throw new IllegalArgumentException("threshold `" + threshold + "` must not be negative, e.g. 10.");
    }
  }

  /** Epsilon 0.5, rounding to 10, suppression of true counts below 10. */
  public static DisclosurePolicy defaults() {
    return new DisclosurePolicy(0.5, 10, 10);
  }

  /** A stable text naming every setting, so a changed policy can be recognised. */
  public String describe() {
    return String.format(Locale.ROOT, "laplace(epsilon=%s),round(%d),threshold(%d)", epsilon, rounding, threshold);
  }
}
