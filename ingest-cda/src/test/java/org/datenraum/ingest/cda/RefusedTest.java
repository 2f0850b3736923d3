package org.datenraum.ingest.cda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.datenraum.core.ResourceKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Invalid documents and bad input are refused with AKTIN's status and a useful OperationOutcome,
 * quarantined, and lose nothing already stored.
 */
class RefusedTest {

  private static final String STORY = "storyboards/aktin_test_storyboard01.xml";
  private InMemoryVisitStore store;
  private List<ResourceKey> before;

  @BeforeEach
  void storeOneVisit() {
    store = new InMemoryVisitStore();
    assertEquals(201, Cda.send(store, "storyboards/aktin_test_storyboard02.xml").status());
    before = new ArrayList<>(store.keys());
  }

  @ParameterizedTest
  @CsvSource({
      "invalid-syntax.xml, DR-7200, /",
      "invalid-xsd.xml, DR-7202, /cda:ClinicalDocument/cda:author[1]/cda:assignedAuthor/cda:representedOrganization/cda:telecom",
      "other-document.xml, DR-7203, /valid",
      "basismodul-minimal.xml, DR-7204, /cda:ClinicalDocument/cda:templateId",
      "test-multiple-subordinate-substance-administrations.xml, DR-7202, /cda:ClinicalDocument/cda:component/cda:structuredBody/cda:component/cda:section/cda:entry[4]/cda:substanceAdministration/cda:entryRelationship[1]",
      "test-wildcard-datatypes.xml, DR-7202, /cda:ClinicalDocument/cda:component/cda:structuredBody/cda:component/cda:section/cda:entry[8]/cda:observation/cda:value"})
  void invalidExamplesAreRefusedWithWhereAndWhy(String file, String code, String xpath) throws Exception {
    ImportAnswer a = Cda.send(store, file);
    assertRefused(a, 422, code);
    JsonNode first = new ObjectMapper().readTree(a.operationOutcome()).path("issue").get(0);
    assertEquals(xpath, first.path("expression").get(0).asText());
    assertTrue(first.path("diagnostics").asText().startsWith(code + " "));
    assertEquals(file, store.quarantine().get(0).file());
  }

  @Test
  void aByteOrderMarkIsRead() {
    byte[] doc = Cda.bytes(STORY);
    byte[] bom = new byte[doc.length + 3];
    bom[0] = (byte) 0xEF;
    bom[1] = (byte) 0xBB;
    bom[2] = (byte) 0xBF;
    System.arraycopy(doc, 0, bom, 3, doc.length);
    assertEquals(201, Cda.IMPORT.receive("bom.xml", bom, store).status());
  }

  @Test
  void otherEncodingsAreReadAsTheirDeclarationSays() {
    for (String charset : List.of("ISO-8859-1", "UTF-16", "windows-1252")) {
      InMemoryVisitStore fresh = new InMemoryVisitStore();
      String text = Cda.text(STORY).replaceFirst("encoding=\"UTF-8\"", "encoding=\"" + charset + "\"");
      ImportAnswer a = Cda.IMPORT.receive(charset, text.getBytes(Charset.forName(charset)), fresh);
      assertEquals(201, a.status(), charset);
      InMemoryVisitStore utf8 = new InMemoryVisitStore();
      Cda.send(utf8, STORY);
      assertEquals(utf8.facts(), fresh.facts(), charset + " gives the same facts as UTF-8");
    }
  }

  @Test
  void bytesThatContradictTheDeclaredEncodingAreRefused() {
    byte[] latin1 = Cda.text(STORY).getBytes(StandardCharsets.ISO_8859_1);
    assertRefused(Cda.IMPORT.receive("latin1-as-utf8.xml", latin1, store), 422, "DR-7200");
  }

  @Test
  void aTruncatedDocumentIsRefused() {
    byte[] doc = Cda.bytes(STORY);
    assertRefused(Cda.IMPORT.receive("half.xml", Arrays.copyOf(doc, doc.length / 2), store), 422, "DR-7200");
  }

  @Test
  void aGiganticDocumentIsRefusedWith413BeforeItIsRead() {
    String padding = "<!--" + "x".repeat(CdaImport.DEFAULT_MAX_BYTES) + "-->";
    byte[] doc = Cda.text(STORY).replace("<ClinicalDocument", padding + "<ClinicalDocument")
        .getBytes(StandardCharsets.UTF_8);
    ImportAnswer a = Cda.IMPORT.receive("gigantic.xml", doc, store);
    assertRefused(a, 413, "DR-7212");
    assertTrue(a.operationOutcome().contains("too-costly"));
  }

  @Test
  void entityExpansionAndExternalEntitiesAreRefused() {
    String laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
        + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]><lolz>&lol2;</lolz>";
    assertRefused(Cda.IMPORT.receive("laughs.xml", laughs.getBytes(StandardCharsets.UTF_8), store), 422, "DR-7201");
    String xxe = Cda.text(STORY).replaceFirst("<ClinicalDocument",
        "<!DOCTYPE ClinicalDocument [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><ClinicalDocument");
    assertRefused(Cda.IMPORT.receive("xxe.xml", xxe.getBytes(StandardCharsets.UTF_8), store), 422, "DR-7201");
  }

  @Test
  void aDocumentThatMovesAnEncounterToAnotherPatientIsAConflict() {
    assertEquals(201, Cda.send(store, STORY).status());
    before = new ArrayList<>(store.keys());
    String moved = Cda.text(STORY).replace("extension=\"1234567890\"", "extension=\"999999\"");
    assertRefused(Cda.IMPORT.receive("moved.xml", moved.getBytes(StandardCharsets.UTF_8), store), 409, "DR-7213");
  }

  @Test
  void unknownCodeSystemsAreKeptAsTheyAre() {
    InMemoryVisitStore fresh = new InMemoryVisitStore();
    assertEquals(201, Cda.send(fresh, "test-multiple-wildcards.xml").status());
    assertTrue(fresh.facts().stream().anyMatch(f -> f.code().system().equals("urn:oid:1.2.276.0.76.5.999")),
        "a local code system of a wildcard template becomes urn:oid:");
  }

  private void assertRefused(ImportAnswer a, int status, String code) {
    assertEquals(status, a.status(), a.operationOutcome());
    assertEquals(code, a.issues().get(0).problem().code());
    assertEquals(before, store.keys(), "nothing stored is lost or changed");
    assertEquals(code, store.quarantine().get(store.quarantine().size() - 1).problem().code());
  }
}
