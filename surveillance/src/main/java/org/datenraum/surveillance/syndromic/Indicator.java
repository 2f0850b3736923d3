package org.datenraum.surveillance.syndromic;

import static java.util.Objects.requireNonNull;

/**
 * What a count series counts: the visits of one syndrome or the findings of one pathogen.
 * Immutable.
 *
 * @param kind syndrome or pathogen
 * @param id the definition's id, for example {@code GI} or {@code NOROVIRUS}
 * @param label the definition's label
 */
public record Indicator(Kind kind, String id, String label) {

  /** Syndrome (ED visits; denominator: all ED visits) or pathogen (findings; denominator: patients tested). */
  public enum Kind {
    SYNDROME,
    PATHOGEN;

    /** Lower-case name used in files. */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public Indicator {
    requireNonNull(kind, "kind");
    requireNonNull(id, "id");
    requireNonNull(label, "label");
  }

  static Indicator of(SyndromeDefinition d) {
    return new Indicator(Kind.SYNDROME, d.id(), d.label());
  }

  static Indicator of(PathogenDefinition d) {
    return new Indicator(Kind.PATHOGEN, d.id(), d.label());
  }
}
