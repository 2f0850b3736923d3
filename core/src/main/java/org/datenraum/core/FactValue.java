package org.datenraum.core;

import static java.util.Objects.requireNonNull;

/** The value of a {@link Fact}: a quantity, a range, a coding, or text. Immutable. */
public sealed interface FactValue {

  /** A number with an optional UCUM unit and an optional comparator ({@code <}, {@code >=}, ...). */
  record Quantity(double number, String unit, String comparator) implements FactValue {}

  /** A range; either bound may be null. */
  record Range(Double low, Double high, String unit) implements FactValue {}

  /** A coded value, as in Observation.valueCodeableConcept or a boolean. */
  record Coded(Coding coding) implements FactValue {
    public Coded {
      requireNonNull(coding, "coding");
    }
  }

  /** Free text, a time of day, or another value without a numeric or coded form. */
  record Text(String text) implements FactValue {
    public Text {
      requireNonNull(text, "text");
    }
  }
}
