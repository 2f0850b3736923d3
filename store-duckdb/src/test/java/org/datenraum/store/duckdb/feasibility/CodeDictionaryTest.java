package org.datenraum.store.duckdb.feasibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.datenraum.core.Coding;
import org.datenraum.query.plan.CodeSet;
import org.junit.jupiter.api.Test;

/** Code sets resolve to exactly the keys whose coding {@link CodeSet#contains} accepts. */
class CodeDictionaryTest {

  private static final String ICD = "http://fhir.de/CodeSystem/bfarm/icd-10-gm";

  private final List<IndexKey> keys = List.of(
      new IndexKey("Condition", "", new Coding(ICD, "E11")),
      new IndexKey("Condition", "", new Coding(ICD, "E11.90")),
      new IndexKey("Condition", "", new Coding(ICD, "E110")),
      new IndexKey("Condition", "", new Coding(ICD, "E12")),
      new IndexKey("Observation", "", new Coding(ICD, "E11.1")),
      new IndexKey("Condition", "", new Coding("http://other", "E11.2")),
      new IndexKey("Condition", "", new Coding("", "E11.3")),
      new IndexKey("Observation", "", new Coding("http://loinc.org", "718-7")));

  private List<IndexKey> resolve(CodeSet set, Set<String> types) {
    CodeDictionary d = new CodeDictionary();
    keys.forEach(d::add);
    List<IndexKey> out = new ArrayList<>();
    d.resolve(set, types, out::add);
    return out;
  }

  private List<IndexKey> byContains(CodeSet set, Set<String> types) {
    return keys.stream().filter(k -> (types.isEmpty() || types.contains(k.resourceType())) && set.contains(k.coding()))
        .toList();
  }

  @Test
  void prefixesExactCodesAndCodesWithoutSystemResolveAsContains() {
    List<CodeSet> sets = List.of(
        new CodeSet(Set.of(), Set.of(new Coding(ICD, "E11"))),
        new CodeSet(Set.of(), Set.of(new Coding(ICD, "E11."))),
        new CodeSet(Set.of(new Coding(ICD, "E11.90"), new Coding("", "718-7")), Set.of()),
        new CodeSet(Set.of(new Coding("", "E11.3")), Set.of(new Coding("http://other", "E"))),
        new CodeSet(Set.of(new Coding(ICD, "E11.3")), Set.of()));
    for (CodeSet set : sets) {
      for (Set<String> types : List.of(Set.<String>of(), Set.of("Condition"), Set.of("Observation"))) {
        assertThat(resolve(set, types)).as("%s %s", set, types).containsExactlyInAnyOrderElementsOf(byContains(set, types));
      }
    }
    assertThat(resolve(new CodeSet(Set.of(), Set.of(new Coding(ICD, "E11"))), Set.of("Condition"))).hasSize(3);
  }

  @Test
  void referenceCodesHashLikeTheirResourceKeys() {
    assertThat(ResourceHash.ofReference("Condition/abc-1")).isEqualTo(ResourceHash.of("Condition", "abc-1"));
    assertThat(ResourceHash.of("Condition", "abc-1")).isNotEqualTo(ResourceHash.of("Condition", "abc-2"))
        .isNotEqualTo(ResourceHash.of("Specimen", "abc-1"));
  }

  @Test
  void attributeNamesMatchThePathOrItsLastSegments() {
    assertThat(AttributeLines.keyMatches("dosage.route", "route")).isTrue();
    assertThat(AttributeLines.keyMatches("route", "route")).isTrue();
    assertThat(AttributeLines.keyMatches("dosageroute", "route")).isFalse();
    assertThat(AttributeLines.parseLine("extension(http://x/y=z)=|c").key()).isEqualTo("extension(http://x/y=z)");
  }
}
