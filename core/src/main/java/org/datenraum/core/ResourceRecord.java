package org.datenraum.core;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * One resource as the research store keeps it, after pseudonymisation: its key, the patient and
 * encounter it belongs to, the facts it yields, and its de-identified JSON. Immutable.
 *
 * @param key       type and pseudonymised id
 * @param patient   the patient's pseudonym, or null for resources without a patient
 * @param encounter the encounter's pseudonym, or null
 * @param facts     the facts this resource yields (none for types without a fact mapping)
 * @param json      the de-identified resource as UTF-8 JSON; the record owns the array, which
 *                  nobody modifies (it is not copied: ingest hands over millions of them)
 * @param demographics the patient's record when this is a Patient resource, else null
 * @param codes     the resource's own codes where other resources refer to them (Medication)
 */
public record ResourceRecord(
    ResourceKey key,
    String patient,
    String encounter,
    List<Fact> facts,
    byte[] json,
    PatientRecord demographics,
    List<Coding> codes) {

  public ResourceRecord {
    requireNonNull(key, "key");
    requireNonNull(json, "json");
    facts = List.copyOf(facts);
    codes = List.copyOf(codes);
  }

  /** A record whose JSON is given as text. */
  public ResourceRecord(ResourceKey key, String patient, String encounter, List<Fact> facts,
      String json, PatientRecord demographics, List<Coding> codes) {
    this(key, patient, encounter, facts, json.getBytes(StandardCharsets.UTF_8), demographics,
        codes);
  }

  /** The de-identified resource as JSON text. */
  public String jsonText() {
    return new String(json, StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ResourceRecord r && key.equals(r.key)
        && java.util.Objects.equals(patient, r.patient)
        && java.util.Objects.equals(encounter, r.encounter) && facts.equals(r.facts)
        && Arrays.equals(json, r.json) && java.util.Objects.equals(demographics, r.demographics)
        && codes.equals(r.codes);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(key, patient, encounter, facts, Arrays.hashCode(json),
        demographics, codes);
  }

  @Override
  public String toString() {
    return "ResourceRecord[" + key.type() + ", " + facts.size() + " facts]";
  }
}
