package org.datenraum.generator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every generated hospital has a biobank: MII biobank specimens with quantities and aliquot trees. */
class BiobankIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  @Test
  void specimensHaveQuantitiesTemperaturesAndAliquotsOfTheirParentsKind() throws Exception {
    GeneratedSite site = GeneratedSite.generate(tmp, 1500, 3, "Universitätsklinikum Probenstadt", 1, List.of(), 2);
    Map<String, JsonNode> byId = new HashMap<>();
    for (String line : site.lines("Specimen")) {
      JsonNode s = JSON.readTree(line);
      byId.put(s.get("id").asText(), s);
    }
    Set<String> patients = new HashSet<>();
    int aliquots = 0;
    Map<String, Double> drawn = new HashMap<>();
    for (JsonNode s : byId.values()) {
      assertThat(s.at("/meta/profile/0").asText()).endsWith("modul-biobank/StructureDefinition/Specimen");
      assertThat(s.at("/type/coding/0/system").asText()).isEqualTo("http://snomed.info/sct");
      JsonNode q = s.at("/container/0/specimenQuantity");
      assertThat(q.get("code").asText()).isEqualTo("mL");
      assertThat(q.get("value").asDouble()).isBetween(0.0, 9.0);
      assertThat(s.at("/processing/0/extension/0/url").asText()).isEqualTo(Biobank.TEMPERATURE);
      assertThat(s.at("/collection/fastingStatusCodeableConcept/coding/0/code").asText()).isIn("F", "NF");
      patients.add(s.at("/subject/reference").asText());
      JsonNode parentRef = s.at("/parent/0/reference");
      String root = s.get("id").asText();
      if (!parentRef.isMissingNode()) {
        aliquots++;
        JsonNode parent = byId.get(parentRef.asText().substring("Specimen/".length()));
        assertThat(parent).as("parent of %s", s.get("id")).isNotNull();
        assertThat(parent.at("/type/coding/0/code")).isEqualTo(s.at("/type/coding/0/code"));
        assertThat(parent.at("/subject/reference")).isEqualTo(s.at("/subject/reference"));
        assertThat(parent.has("parent")).as("aliquots are taken from primary samples").isFalse();
        assertThat(s.at("/processing/0/extension/0/valueRange/low/value").asInt()).isEqualTo(-85);
        root = parent.get("id").asText();
      }
      drawn.merge(root, q.get("value").asDouble(), Double::sum);
    }
    assertThat(byId).hasSizeGreaterThan(50);
    assertThat(aliquots).as("aliquots").isGreaterThan(byId.size() / 3);
    assertThat(drawn.values()).as("a primary sample and its aliquots hold at most the tube's 9 ml")
        .allSatisfy(ml -> assertThat(ml).isLessThanOrEqualTo(9.0));
    double share = patients.size() / (double) site.summary.patients();
    assertThat(share).as("patients with biosamples").isBetween(0.02, 0.35);
  }
}
