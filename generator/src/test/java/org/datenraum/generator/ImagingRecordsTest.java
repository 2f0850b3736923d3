package org.datenraum.generator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generated imaging: studies keyed by DICOM UID, radiology reports on them, findings on their scales. */
class ImagingRecordsTest {

  @Test
  void studiesReportsAndFindingsHangTogether(@TempDir Path dir) throws Exception {
    GeneratedSite site = GeneratedSite.generate(dir, 400, 3, "Klinikum Beispielburg", 1,
        List.of(OutbreakSpec.parse("covid@2024-02-01:14d:+30").value()), 1);
    Map<String, String> encounterProblem = new HashMap<>();
    site.each("Condition", c -> encounterProblem.merge(c.at("/encounter/reference").asText(),
        c.at("/code/coding/0/code").asText(), (a, b) -> a + "," + b));
    Set<String> studies = new HashSet<>();
    Set<String> uids = new HashSet<>();
    int[] chestCtsWithCovidOrPneumonia = new int[2];
    site.each("ImagingStudy", s -> {
      studies.add(s.get("id").asText());
      assertThat(s.at("/identifier/0/system").asText()).isEqualTo("urn:dicom:uid");
      assertThat(uids.add(s.at("/identifier/0/value").asText())).isTrue();
      assertThat(s.at("/series/0/uid").asText()).startsWith(s.at("/identifier/0/value").asText().substring(8));
      String modality = s.at("/modality/0/code").asText();
      assertThat(modality).isIn("CT", "CR");
      if (s.at("/series/0/bodySite/code").asText().equals("51185008")) {
        chestCtsWithCovidOrPneumonia[0]++;
        String problems = encounterProblem.getOrDefault(s.at("/encounter/reference").asText(), "");
        if (problems.contains("U07.1") || problems.contains("J18.9") || problems.contains("R07")) {
          chestCtsWithCovidOrPneumonia[1]++;
        }
      }
    });
    assertThat(studies).hasSizeGreaterThan(20);
    assertThat(chestCtsWithCovidOrPneumonia[0]).isPositive().isEqualTo(chestCtsWithCovidOrPneumonia[1]);
    Set<String> findingsReported = new HashSet<>();
    site.each("DiagnosticReport", r -> {
      assertThat(r.at("/code/coding/0/code").asText()).isEqualTo("18748-4");
      assertThat(studies).contains(r.at("/imagingStudy/0/reference").asText().substring("ImagingStudy/".length()));
      for (JsonNode ref : r.path("result")) {
        findingsReported.add(ref.path("reference").asText().substring("Observation/".length()));
      }
    });
    int[] findings = new int[1];
    site.each("Observation", o -> {
      if (!o.at("/code/coding/0/system").asText().equals("urn:datenraum:imaging-finding")) {
        return;
      }
      findings[0]++;
      assertThat(findingsReported).contains(o.get("id").asText());
      switch (o.at("/code/coding/0/code").asText()) {
        case "co-rads" -> assertThat(o.get("valueInteger").asInt()).isBetween(0, 6);
        case "ct-severity-score" -> assertThat(o.get("valueInteger").asInt()).isBetween(0, 25);
        case "rsna-covid19" -> assertThat(o.at("/valueCodeableConcept/coding/0/code").asText())
            .isIn("typical", "indeterminate", "atypical", "negative");
        default -> throw new AssertionError(o);
      }
    });
    assertThat(findings[0]).isEqualTo(findingsReported.size()).isPositive();
  }
}
