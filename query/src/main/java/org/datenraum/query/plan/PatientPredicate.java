package org.datenraum.query.plan;

import static java.util.Objects.requireNonNull;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.datenraum.core.Sex;

/** A condition on one patient; a compiled CCDL criterion. Immutable. */
public sealed interface PatientPredicate {

  /** The patient has at least one fact matching the pattern. */
  record HasFact(FactPattern pattern) implements PatientPredicate {
    public HasFact {
      requireNonNull(pattern, "pattern");
    }
  }

  /** The patient's administrative gender is one of these. */
  record SexIn(Set<Sex> sexes) implements PatientPredicate {
    public SexIn {
      sexes = Set.copyOf(sexes);
    }
  }

  /**
   * The patient's age at the query date, in completed {@code unit}s counted from the first day of
   * the birth month, passes the test. Patients without a birth month never match.
   */
  record AgeIs(NumberTest test, ChronoUnit unit) implements PatientPredicate {
    public AgeIs {
      requireNonNull(test, "test");
      requireNonNull(unit, "unit");
    }
  }

  /**
   * The patient has an invasive ventilation episode ({@link VentilationEpisodes}) whose length in
   * hours passes the test and whose period overlaps the window.
   */
  record VentilationEpisode(NumberTest hours, TimeWindow window) implements PatientPredicate {
    public VentilationEpisode {
      requireNonNull(hours, "hours");
      requireNonNull(window, "window");
    }
  }

  /** Any of the predicates holds (synonym term codes of one criterion). */
  record AnyOf(List<PatientPredicate> predicates) implements PatientPredicate {
    public AnyOf {
      predicates = List.copyOf(predicates);
    }
  }
}
