package org.datenraum.surveillance;

/**
 * No signal (and no upper bound) unless at least {@code cases} were counted in the last
 * {@code weeks} epochs including the current one ({@code limit54}). Immutable.
 */
public record LowCountRule(int cases, int weeks) {

  public LowCountRule {
    if (cases < 0 || weeks < 1) {
      throw new IllegalArgumentException("limit54 needs cases >= 0 and weeks > 0: " + cases + "," + weeks);
    }
  }
}
