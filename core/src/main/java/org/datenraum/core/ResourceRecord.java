package org.datenraum.core;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One resource as the research store keeps it, after pseudonymisation: its key, the patient and
 * encounter it belongs to, the facts it yields, and its de-identified JSON. Immutable.
 *
 * @param key       type and pseudonymised id
 * @param patient   the patient's pseudonym, or null for resources without a patient
 * @param encounter the encounter's pseudonym, or null
 * @param facts     the facts this resource yields (none for types without a fact mapping)
 * @param json      the de-identified resource as JSON
 * @param demographics the patient's record when this is a Patient resource, else null
 * @param codes     the resource's own codes where other resources refer to them (Medication)
 */
public record ResourceRecord(
    ResourceKey key,
    String patient,
    String encounter,
    List<Fact> facts,
    String json,
    PatientRecord demographics,
    List<Coding> codes) {

  public ResourceRecord {
    requireNonNull(key, "key");
    requireNonNull(json, "json");
    facts = List.copyOf(facts);
    codes = List.copyOf(codes);
  }

  @Override
  public String toString() {
    return "ResourceRecord[" + key.type() + ", " + facts.size() + " facts]";
  }
}
