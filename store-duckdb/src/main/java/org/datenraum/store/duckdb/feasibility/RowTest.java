package org.datenraum.store.duckdb.feasibility;

/** A condition on one fact row. */
@FunctionalInterface
interface RowTest {

  RowTest ALWAYS = (r, i) -> true;

  boolean test(FactRows rows, int i);

  default RowTest and(RowTest other) {
    if (this == ALWAYS) {
      return other;
    }
    if (other == ALWAYS) {
      return this;
    }
    return (r, i) -> test(r, i) && other.test(r, i);
  }
}
