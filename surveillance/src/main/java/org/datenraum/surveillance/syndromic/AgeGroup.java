package org.datenraum.surveillance.syndromic;

/**
 * The age groups of the counts: five bands and all ages together. Visits of unknown age count in
 * {@link #ALL} only.
 */
public enum AgeGroup {
  AGE_0_4("0-4", 0, 4),
  AGE_5_14("5-14", 5, 14),
  AGE_15_34("15-34", 15, 34),
  AGE_35_59("35-59", 35, 59),
  AGE_60_PLUS("60+", 60, Integer.MAX_VALUE),
  ALL("all", 0, Integer.MAX_VALUE);

  /** The five bands, without {@link #ALL}. */
  public static final java.util.List<AgeGroup> BANDS =
      java.util.List.of(AGE_0_4, AGE_5_14, AGE_15_34, AGE_35_59, AGE_60_PLUS);

  private final String label;
  private final int from;
  private final int to;

  AgeGroup(String label, int from, int to) {
    this.label = label;
    this.from = from;
    this.to = to;
  }

  /** The label used in files and reports, for example {@code 15-34} or {@code all}. */
  public String label() {
    return label;
  }

  /** The band of an age in completed years; negative ages are rejected. */
  public static AgeGroup band(int years) {
    if (years < 0) {
      throw new IllegalArgumentException("age must not be negative: " + years);
    }
    for (AgeGroup g : BANDS) {
      if (years >= g.from && years <= g.to) {
        return g;
      }
    }
    throw new AssertionError(years);
  }

  /** The group with this label, or null. */
  public static AgeGroup ofLabel(String label) {
    for (AgeGroup g : values()) {
      if (g.label.equals(label)) {
        return g;
      }
    }
    return null;
  }
}
