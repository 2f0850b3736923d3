package org.datenraum.query.plan;

import static java.util.Objects.requireNonNull;

import org.datenraum.query.ccdl.Comparator;

/** A test on a number. Immutable. */
public sealed interface NumberTest {

  boolean test(double value);

  /** {@code value <comparator> operand}. */
  record Compare(Comparator comparator, double operand) implements NumberTest {
    public Compare {
      requireNonNull(comparator, "comparator");
    }

    @Override
    public boolean test(double value) {
      return comparator.test(value, operand);
    }
  }

  /** {@code min <= value <= max}. */
  record Between(double min, double max) implements NumberTest {
    @Override
    public boolean test(double value) {
      return value >= min && value <= max;
    }
  }
}
