package org.datenraum.query.plan;

import static java.util.Objects.requireNonNull;

/** A test on the value of a fact. Immutable. */
public sealed interface ValueTest {

  /** The coded value is in the set. */
  record InConcepts(CodeSet concepts) implements ValueTest {
    public InConcepts {
      requireNonNull(concepts, "concepts");
    }
  }

  /**
   * The quantity passes the test after conversion to {@code unit}; a null unit compares the bare
   * number. Quantities whose unit cannot be converted do not match.
   */
  record Quantity(NumberTest test, String unit) implements ValueTest {
    public Quantity {
      requireNonNull(test, "test");
    }
  }
}
