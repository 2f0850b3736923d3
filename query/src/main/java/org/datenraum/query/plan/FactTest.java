package org.datenraum.query.plan;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Set;

/** A further condition on a matching fact, from an attribute filter or a fixed criterion. Immutable. */
public sealed interface FactTest {

  /**
   * The fact has an attribute named {@code key} whose coding is in the set. Attribute keys are
   * FHIR element paths; a name matches the path itself or a path ending in {@code .name}
   * ({@code bodySite} matches {@code collection.bodySite}).
   */
  record AttributeIn(String key, CodeSet values) implements FactTest {
    public AttributeIn {
      requireNonNull(key, "key");
      requireNonNull(values, "values");
    }
  }

  /** The fact's own code is in the set. */
  record CodeIn(CodeSet codes) implements FactTest {
    public CodeIn {
      requireNonNull(codes, "codes");
    }
  }

  /** The fact's status is one of these. */
  record StatusIn(Set<String> statuses) implements FactTest {
    public StatusIn {
      statuses = Set.copyOf(statuses);
    }
  }

  /**
   * Another fact of the same resource (same type and id; components of an Observation, provisions
   * of a Consent) has a code in the set and, if {@code value} is not null, a matching value.
   */
  record Sibling(CodeSet codes, ValueTest value) implements FactTest {
    public Sibling {
      requireNonNull(codes, "codes");
    }
  }

  /**
   * The fact has a reference attribute (coding system {@code urn:datenraum:reference}, code
   * {@code Type/pseudonymised id}) to a resource of the same patient that has a fact matching any
   * of the targets.
   */
  record References(List<FactPattern> targets) implements FactTest {
    public References {
      targets = List.copyOf(targets);
    }
  }

  /**
   * The fact's start lies at least {@code min} and at most {@code max} after the start of a fact of
   * the same patient that matches any of the targets (negative: before it; null: unbounded). Facts
   * without a start never relate.
   */
  record Near(List<FactPattern> targets, java.time.Duration min, java.time.Duration max) implements FactTest {
    public Near {
      targets = List.copyOf(targets);
      if (min == null && max == null) {
        throw new IllegalArgumentException("neither min nor max");
      }
    }

    /** Whether {@code start} lies within the bounds of {@code target}. */
    public boolean relates(java.time.Instant target, java.time.Instant start) {
      return target != null && start != null
          && (min == null || !start.isBefore(target.plus(min)))
          && (max == null || !start.isAfter(target.plus(max)));
    }
  }
}
