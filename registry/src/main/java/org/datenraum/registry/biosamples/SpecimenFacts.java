package org.datenraum.registry.biosamples;

import java.util.List;
import java.util.stream.Stream;
import org.datenraum.core.Fact;

/** The port: where the site's Specimen facts come from (the site store, or a list in tests). */
@FunctionalInterface
public interface SpecimenFacts {

  /** Every stored Specimen fact (one per type coding of each specimen). */
  Stream<Fact> specimenFacts();

  /** Specimen facts held in memory; other facts in the list are ignored. */
  static SpecimenFacts of(List<Fact> facts) {
    List<Fact> copy = List.copyOf(facts);
    return () -> copy.stream().filter(f -> f.resourceType().equals(SampleTypes.SPECIMEN));
  }
}
