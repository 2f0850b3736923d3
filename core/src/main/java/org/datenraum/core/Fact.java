package org.datenraum.core;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * One clinical statement about one patient, flattened from a FHIR resource: a code, an optional
 * time span, and an optional value. A resource yields one or more facts (an Observation with
 * components yields one per component, a Condition one per coding). Immutable.
 *
 * @param patient     the patient's pseudonym
 * @param encounter   the encounter's pseudonym, or null
 * @param resourceType FHIR resource type the fact comes from
 * @param resourceId  pseudonymised id of that resource
 * @param code        what the fact is about
 * @param start       start of the clinically relevant time, or null
 * @param end         end of that time, or null (equal to start for a point in time)
 * @param value       the value, or null
 * @param status      the resource status (e.g. {@code final}, {@code active}), or null
 * @param attributes  coded qualifiers
 */
public record Fact(
    String patient,
    String encounter,
    String resourceType,
    String resourceId,
    Coding code,
    Instant start,
    Instant end,
    FactValue value,
    String status,
    List<Attribute> attributes) {

  public Fact {
    requireNonNull(patient, "patient");
    requireNonNull(resourceType, "resourceType");
    requireNonNull(resourceId, "resourceId");
    requireNonNull(code, "code");
    attributes = List.copyOf(attributes);
  }

  /** The coded value of a fact if it has one, else null. */
  public Coding codedValue() {
    return value instanceof FactValue.Coded c ? c.coding() : null;
  }

  @Override
  public String toString() {
    return "Fact[" + resourceType + " " + code + "]";
  }
}
