package org.datenraum.surveillance;

/** The three EARS methods (Hutwagner et al. 2003). */
public enum EarsMethod {
  /** Baseline: the {@code baseline} epochs just before the current one. */
  C1(0),
  /** Baseline: {@code baseline} epochs ending two epochs before the current one. */
  C2(2),
  /** C2 with the excesses of the two previous epochs subtracted from the threshold. */
  C3(4);

  private final int extraLag;

  EarsMethod(int extraLag) {
    this.extraLag = extraLag;
  }

  /** Epochs needed before the first monitored one beyond {@code baseline}. */
  int extraLag() {
    return extraLag;
  }

  /** R's default α: 0.001 for C1 and C2, 0.025 for C3. */
  public double defaultAlpha() {
    return this == C3 ? 0.025 : 0.001;
  }
}
