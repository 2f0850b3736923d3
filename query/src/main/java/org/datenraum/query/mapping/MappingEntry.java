package org.datenraum.query.mapping;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.datenraum.core.Coding;
import org.datenraum.query.ccdl.TermCode;

/** How one term code of one context is found: in facts, or in the patient record. Immutable. */
public sealed interface MappingEntry {

  /** The code is the patient's administrative gender question; the value filter selects genders. */
  record PatientSex() implements MappingEntry {}

  /** The code is the patient's age question; the value filter compares the age. */
  record PatientAge() implements MappingEntry {}

  /**
   * The code is an invasive ventilation episode (ventilation Procedures bridged across gaps under
   * 14 h); the value filter compares its length.
   */
  record VentilationEpisode() implements MappingEntry {}

  /**
   * The code is found in facts.
   *
   * @param resourceTypes  resource types of the facts (empty: any)
   * @param codeTarget     where the term code is; null when the entry matches by fixed criteria only
   * @param fixed          further codes the resource must carry, all required
   * @param requiredValue  coded value every matching fact (and fixed sibling) must have, or null
   * @param attributes     attribute code (its {@code code}) to target
   * @param components     whether unknown terminology attribute codes name components
   */
  record Facts(
      Set<String> resourceTypes,
      AttributeTarget codeTarget,
      List<Fixed> fixed,
      Coding requiredValue,
      Map<String, AttributeTarget> attributes,
      boolean components) implements MappingEntry {

    public Facts {
      resourceTypes = Set.copyOf(resourceTypes);
      fixed = List.copyOf(fixed);
      attributes = Map.copyOf(attributes);
    }

    /**
     * The target of an attribute filter: the listed one; else a component for terminology codes
     * where components are enabled; else the attribute named by the attribute code itself.
     */
    public Optional<AttributeTarget> attribute(TermCode attributeCode) {
      AttributeTarget t = attributes.get(attributeCode.code());
      if (t != null) {
        return Optional.of(t);
      }
      if (components && Classifications.isTerminology(attributeCode.system())) {
        return Optional.of(new AttributeTarget.Component());
      }
      return Optional.of(new AttributeTarget.Attribute(attributeCode.code()));
    }
  }

  /** A fixed criterion: the resource has one of these codes at the target. */
  record Fixed(AttributeTarget target, Set<Coding> codes) {
    public Fixed {
      requireNonNull(target, "target");
      codes = Set.copyOf(codes);
    }
  }
}
