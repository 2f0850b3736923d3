package org.datenraum.ingest.cda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.datenraum.core.CodeSystems;
import org.datenraum.core.Fact;
import org.datenraum.core.FactValue;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * Every valid example imports as a new encounter, and its facts carry what the test reads from
 * the document itself with XPath: admission, complaints, triage levels, diagnoses, vital signs;
 * the 2026 transition version's medications (ATC code, route, time of administration), injuries
 * (cause, mechanism) and causes of intoxication.
 */
class ExamplesTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "basismodul-v2-beispiel-storyboard01-complete.xml",
      "episodenzusammenfassung-notaufnahmeregister-transitionsversion-2026-beispiel-storyboard01.xml",
      "episodenzusammenfassung-notaufnahmeregister-transitionsversion-2026-beispiel-storyboard02.xml",
      "maximalbeispiel-v2026_1_2.xml",
      "test-medication-effectivetime-variations.xml",
      "test-multiple-wildcards.xml",
      "test-triage-score-variations.xml",
      "test-vital-effectivetime-fallback.xml",
      "storyboards/aktin_test_storyboard01.xml",
      "storyboards/aktin_test_storyboard02.xml",
      "storyboards/aktin_test_storyboard03.xml",
      "storyboards/aktin_test_storyboard04.xml",
      "storyboards/aktin_test_storyboard05.xml",
      "storyboards/aktin_test_storyboard06.xml"})
  void importsWithTheFactsTheDocumentHolds(String file) throws Exception {
    InMemoryVisitStore store = new InMemoryVisitStore();
    ImportAnswer answer = Cda.send(store, file);
    assertEquals(201, answer.status(), answer.operationOutcome());
    Document doc = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(Cda.bytes(file)));

    Fact visit = Cda.facts(store, "Encounter").get(0);
    assertEquals(ts(string(doc, "//cda:encompassingEncounter/cda:effectiveTime/cda:low/@value")), visit.start());

    assertEquals(sorted(strings(doc, "//cda:observation[cda:code/@code='75322-8']/cda:value/@code")),
        sorted(values(store, "75322-8")), "complaints");
    assertEquals(sorted(strings(doc, "//cda:observation[cda:value/@codeSystem='1.2.276.0.76.5.438'"
            + " or cda:code/@code='1255867001' or cda:code/@code='1292326000']/cda:value/@code")),
        sorted(values(store, "11283-9")), "triage levels");
    assertEquals(sorted(strings(doc, "//cda:section[cda:code/@code='11301-9']//cda:observation"
            + "[cda:code/@code='29308-4' or cda:code/@code='75324-4']/cda:value/@code")),
        sorted(Cda.facts(store, "Condition").stream()
            .filter(f -> f.code().system().equals(CodeSystems.ICD10_GM))
            .map(f -> f.code().code()).toList()), "diagnoses");
    List<Double> vitals = strings(doc, "//cda:section[cda:code/@code='8716-3']//cda:observation/cda:value/@value")
        .stream().map(Double::parseDouble).toList();
    assertEquals(sorted(vitals), sorted(Cda.facts(store, "Observation").stream()
        .filter(f -> f.value() instanceof FactValue.Quantity).map(f -> ((FactValue.Quantity) f.value()).number())
        .toList()), "vital signs");
    for (Fact f : store.facts()) {
      assertEquals(visit.patient(), f.patient());
      assertFalse(f.patient().contains(string(doc, "//cda:patientRole/cda:id/@extension")));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "episodenzusammenfassung-notaufnahmeregister-transitionsversion-2026-beispiel-storyboard01.xml",
      "episodenzusammenfassung-notaufnahmeregister-transitionsversion-2026-beispiel-storyboard02.xml",
      "maximalbeispiel-v2026_1_2.xml",
      "test-medication-effectivetime-variations.xml"})
  void theTransitionVersionsMedicationsInjuriesAndIntoxicationsAreFacts(String file) throws Exception {
    InMemoryVisitStore store = new InMemoryVisitStore();
    assertEquals(201, Cda.send(store, file).status());
    Document doc = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(Cda.bytes(file)));
    String drugs = "//cda:section[cda:code/@code='29549-3']/cda:entry/cda:substanceAdministration";
    List<Fact> medications = Cda.facts(store, "MedicationStatement");
    assertEquals(sorted(strings(doc, drugs + "/cda:consumable/cda:manufacturedProduct/cda:manufacturedMaterial/cda:code/@code")),
        sorted(medications.stream().map(f -> f.code().code()).toList()), "medications");
    assertTrue(medications.stream().allMatch(f -> f.code().system().equals(CodeSystems.ATC_WHO)));
    assertEquals(sorted(strings(doc, drugs + "/cda:routeCode/@code")), sorted(attributes(medications, "dosage.route")));
    assertEquals(sorted(strings(doc, "//cda:observation[cda:code/@code='69543-7' or cda:code/@code='11373-8']/cda:value/@code")),
        sorted(values(store, "69543-7", "11373-8")), "injury");
    assertEquals(sorted(strings(doc, "//cda:observation[cda:code/@code='69543-7']/cda:value/cda:qualifier"
        + "[cda:name/@code='67496-0']/cda:value/@code")),
        sorted(attributes(Cda.facts(store, "Observation").stream().filter(f -> f.code().code().equals("69543-7")).toList(),
            "mechanism")), "mechanism of injury");
    assertEquals(sorted(strings(doc, "//cda:observation[cda:code/@code='88068-2']/cda:value/@code")),
        sorted(values(store, "88068-2")), "intoxication");
    assertTrue(!medications.isEmpty() || !values(store, "69543-7", "11373-8", "88068-2").isEmpty(),
        "every example has at least one of them");

    Instant admission = ts(string(doc, "//cda:encompassingEncounter/cda:effectiveTime/cda:low/@value"));
    NodeList entries = (NodeList) xpath().evaluate(drugs, doc, XPathConstants.NODESET);
    for (int i = 0; i < entries.getLength(); i++) {
      String t = "cda:entryRelationship/cda:substanceAdministration/cda:effectiveTime";
      String start = xpath().evaluate("(" + t + "/@value | " + t + "/cda:low/@value | " + t + "/cda:phase/cda:low/@value | "
          + t + "/cda:comp/@value)[1]", entries.item(i));
      String atc = xpath().evaluate("cda:consumable/cda:manufacturedProduct/cda:manufacturedMaterial/cda:code/@code",
          entries.item(i));
      Instant expected = start.isEmpty() ? admission : ts(start);
      assertEquals(expected, medications.stream().filter(f -> f.code().code().equals(atc)).findFirst().orElseThrow()
          .start(), "time of " + atc);
    }
  }

  private static List<String> attributes(List<Fact> facts, String key) {
    return facts.stream().flatMap(f -> f.attributes().stream()).filter(a -> a.key().equals(key))
        .map(a -> a.value().code()).toList();
  }

  private static List<String> values(InMemoryVisitStore store, String... loinc) {
    List<String> codes = List.of(loinc);
    return Cda.facts(store, "Observation").stream()
        .filter(f -> f.code().system().equals(CodeSystems.LOINC) && codes.contains(f.code().code()))
        .map(f -> f.codedValue().code()).toList();
  }

  private static List<String> values(InMemoryVisitStore store, String loinc) {
    return Cda.facts(store, "Observation").stream()
        .filter(f -> f.code().system().equals(CodeSystems.LOINC) && f.code().code().equals(loinc))
        .map(f -> f.codedValue().code()).toList();
  }

  static Instant ts(String v) {
    String digits = (v + "00000000000000").substring(0, 14);
    return LocalDateTime.parse(digits, DateTimeFormatter.ofPattern("yyyyMMddHHmmss")).toInstant(ZoneOffset.UTC);
  }

  private static <T extends Comparable<T>> List<T> sorted(List<T> list) {
    List<T> copy = new ArrayList<>(list);
    Collections.sort(copy);
    return copy;
  }

  private static String string(Document doc, String expr) throws Exception {
    return xpath().evaluate(expr, doc);
  }

  private static List<String> strings(Document doc, String expr) throws Exception {
    NodeList nodes = (NodeList) xpath().evaluate(expr, doc, XPathConstants.NODESET);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add(nodes.item(i).getNodeValue());
    }
    return out.stream().collect(Collectors.toList());
  }

  private static XPath xpath() {
    XPath x = XPathFactory.newInstance().newXPath();
    x.setNamespaceContext(new NamespaceContext() {
      @Override
      public String getNamespaceURI(String prefix) {
        return "cda".equals(prefix) ? "urn:hl7-org:v3" : null;
      }

      @Override
      public String getPrefix(String uri) {
        return null;
      }

      @Override
      public Iterator<String> getPrefixes(String uri) {
        return null;
      }
    });
    return x;
  }
}
