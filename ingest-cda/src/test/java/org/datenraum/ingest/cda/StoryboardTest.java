package org.datenraum.ingest.cda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.datenraum.core.CodeSystems;
import org.junit.jupiter.api.Test;

/** AKTIN's integration storyboards, sent in order to an empty store, get the reference answers of their README. */
class StoryboardTest {

  private static final String DIR = "storyboards/";

  @Test
  void theSequenceGetsTheReferenceAnswers() throws Exception {
    InMemoryVisitStore store = new InMemoryVisitStore();
    ImportAnswer first = Cda.send(store, DIR + "aktin_test_storyboard01.xml");
    assertEquals(201, first.status());
    assertTrue(first.location().startsWith("/aktin/cda/fhir/Binary/"), first.location());
    int factsAfterFirst = store.facts().size();

    ImportAnswer again = Cda.send(store, DIR + "aktin_test_storyboard01.xml");
    assertEquals(200, again.status());
    assertEquals(first.location(), again.location());
    assertEquals(factsAfterFirst, store.facts().size(), "an update replaces, it does not add");

    List<?> keysBefore = new ArrayList<>(store.keys());
    ImportAnswer error = Cda.send(store, DIR + "aktin_test_storyboard01_error.xml");
    assertEquals(422, error.status());
    assertNull(error.location());
    assertEquals(keysBefore, store.keys(), "a refused document changes nothing stored");
    assertEquals(1, store.quarantine().size());
    JsonNode outcome = new ObjectMapper().readTree(error.operationOutcome());
    assertEquals("OperationOutcome", outcome.path("resourceType").asText());
    Set<String> codes = new java.util.HashSet<>();
    for (JsonNode issue : outcome.path("issue")) {
      assertEquals("error", issue.path("severity").asText());
      assertTrue(issue.path("expression").get(0).asText().startsWith("/cda:ClinicalDocument"));
      codes.add(issue.path("details").path("text").asText());
    }
    // the README: it lacks the encounter identifier and carries a CEDIS code that does not exist
    assertEquals(Set.of("DR-7206", "DR-7209"), codes);
    assertTrue(error.operationOutcome().contains("5572"), "the message names the bad CEDIS code");

    assertEquals(201, Cda.send(store, DIR + "aktin_test_storyboard02.xml").status());
    assertEquals(201, Cda.send(store, DIR + "aktin_test_storyboard03.xml").status());
    assertEquals(3, Cda.facts(store, "Encounter").size());
  }

  @Test
  void aNewerDocumentOfTheEncounterReplacesTheOlderOnesFacts() {
    InMemoryVisitStore store = new InMemoryVisitStore();
    String first = Cda.text(DIR + "aktin_test_storyboard01.xml");
    assertEquals(201, Cda.IMPORT.receive("first", first.getBytes(StandardCharsets.UTF_8), store).status());
    String newer = first.replace("code=\"557\"", "code=\"556\"").replace("code=\"S93.6\"", "code=\"S82.6\"");
    assertEquals(200, Cda.IMPORT.receive("newer", newer.getBytes(StandardCharsets.UTF_8), store).status());
    assertEquals(List.of("556"), Cda.facts(store, "Observation").stream()
        .filter(f -> f.code().code().equals("75322-8")).map(f -> f.codedValue().code()).toList());
    assertEquals(List.of("S82.6"), Cda.facts(store, "Condition").stream()
        .filter(f -> f.code().system().equals(CodeSystems.ICD10_GM)).map(f -> f.code().code()).toList());
    assertEquals(1, Cda.facts(store, "Encounter").size());
  }

  @Test
  void theFurtherStoryboardsAreNewEncounters() {
    InMemoryVisitStore store = new InMemoryVisitStore();
    for (String f : List.of("04", "05", "06")) {
      assertEquals(201, Cda.send(store, DIR + "aktin_test_storyboard" + f + ".xml").status(), f);
    }
    Set<String> encounters = Cda.facts(store, "Encounter").stream().map(x -> x.encounter())
        .collect(Collectors.toSet());
    assertEquals(3, encounters.size());
  }
}
