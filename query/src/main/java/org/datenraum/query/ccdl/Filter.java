package org.datenraum.query.ccdl;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A value or attribute filter of a criterion. A criterion's {@code valueFilter} is never a
 * {@link Reference}. Immutable.
 */
public sealed interface Filter {

  /** The CCDL {@code type} string of this filter. */
  String type();

  /** Matches when the coded value is one of the selected concepts. */
  record Concept(List<TermCode> selectedConcepts) implements Filter {
    public Concept {
      selectedConcepts = List.copyOf(selectedConcepts);
      if (selectedConcepts.isEmpty()) {
        throw new IllegalArgumentException("selectedConcepts is empty");
      }
    }

    @Override
    public String type() {
      return "concept";
    }
  }

  /** Matches a quantity {@code value <comparator> this.value} in the given unit (null: any). */
  record Comparison(Comparator comparator, double value, String unit) implements Filter {
    public Comparison {
      requireNonNull(comparator, "comparator");
    }

    @Override
    public String type() {
      return "quantity-comparator";
    }
  }

  /** Matches a quantity in {@code [minValue, maxValue]}, both inclusive, in the unit (null: any). */
  record Range(double minValue, double maxValue, String unit) implements Filter {
    public Range {
      if (minValue > maxValue) {
        throw new IllegalArgumentException("minValue > maxValue");
      }
    }

    @Override
    public String type() {
      return "quantity-range";
    }
  }

  /** Matches when the referenced resource satisfies any of the criteria. */
  record Reference(List<Criterion> criteria) implements Filter {
    public Reference {
      criteria = List.copyOf(criteria);
      if (criteria.isEmpty()) {
        throw new IllegalArgumentException("criteria is empty");
      }
    }

    @Override
    public String type() {
      return "reference";
    }
  }
}
