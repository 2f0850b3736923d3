package org.datenraum.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stated distributions hold in a generated site of 5,000 patients over one year. Tolerances
 * are about four standard errors at this size.
 */
class DistributionIT {

  @TempDir static Path tmp;
  static GeneratedSite site;

  @BeforeAll
  static void generate() throws IOException {
    site = GeneratedSite.generate(tmp, 5000, 20240101, "Klinikum Mitte", 1, List.of(), 2);
  }

  @Test
  void agesFollowTheGermanPyramidWeightedByHospitalUse() {
    Demography d = new Demography();
    int[] starts = d.groupStarts();
    double[] expected = d.expectedShares();
    double[] seen = new double[expected.length];
    site.each("Patient", p -> {
      long age = ChronoUnit.YEARS.between(LocalDate.parse(p.get("birthDate").asText()),
          LocalDate.of(2024, 1, 1));
      int g = 0;
      while (g + 1 < starts.length && age >= starts[g + 1]) {
        g++;
      }
      seen[g]++;
    });
    for (int i = 0; i < seen.length; i++) {
      assertThat(seen[i] / 5000).as("age group from %d", starts[i]).isCloseTo(expected[i], within(0.02));
    }
  }

  @Test
  void sexSharesMatch() {
    double[] male = new double[1];
    site.each("Patient", p -> male[0] += p.get("gender").asText().equals("male") ? 1 : 0);
    assertThat(male[0] / 5000).isCloseTo(new Demography().expectedMaleShare(), within(0.03));
  }

  @Test
  void emergencyArrivalsFollowTheHourProfile() {
    double[] weights = Vocabulary.get().edHourWeights;
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double[] seen = new double[24];
    int[] n = new int[1];
    site.each("Encounter", e -> {
      if (e.get("class").get("code").asText().equals("EMER")) {
        seen[GeneratedSite.hour(e.get("period").get("start").asText())]++;
        n[0]++;
      }
    });
    assertThat(n[0]).isGreaterThan(3000);
    for (int h = 0; h < 24; h++) {
      assertThat(seen[h] / n[0]).as("hour %d", h).isCloseTo(weights[h] / total, within(0.015));
    }
    assertThat(seen[11]).isGreaterThan(3 * seen[4]);
  }

  @Test
  void respiratoryInfectionsComeInWinterWaves() {
    Map<Month, Integer> respiratory = new HashMap<>();
    Map<Month, Integer> influenzaPositive = new HashMap<>();
    site.each("Condition", c -> {
      String icd = code(c);
      if (icd.startsWith("J0") || icd.startsWith("J1") || icd.startsWith("J2") || icd.equals("U07.1")) {
        respiratory.merge(LocalDate.parse(c.get("recordedDate").asText()).getMonth(), 1, Integer::sum);
      }
    });
    site.each("Observation", o -> {
      if (code(o).equals("92142-9") && code(o.get("valueCodeableConcept")).equals("10828004")) {
        influenzaPositive.merge(GeneratedSite.date(o.get("effectiveDateTime").asText()).getMonth(),
            1, Integer::sum);
      }
    });
    int winter = sum(respiratory, Month.DECEMBER, Month.JANUARY, Month.FEBRUARY);
    int summer = sum(respiratory, Month.JUNE, Month.JULY, Month.AUGUST);
    assertThat(winter).isGreaterThan(2 * summer);
    int flu = influenzaPositive.values().stream().mapToInt(Integer::intValue).sum();
    assertThat(flu).isGreaterThan(20);
    assertThat(sum(influenzaPositive, Month.DECEMBER, Month.JANUARY, Month.FEBRUARY, Month.MARCH))
        .isGreaterThan((int) (0.75 * flu));
  }

  @Test
  void comorbiditiesClusterAndLabsFitTheDiagnosis() {
    Map<String, Set<String>> byPatient = new HashMap<>();
    site.each("Condition", c -> byPatient.computeIfAbsent(c.get("subject").get("reference").asText(),
        k -> new HashSet<>()).add(code(c)));
    double[] ckd = new double[4];
    byPatient.values().forEach(codes -> {
      int i = codes.contains("E11.90") ? 0 : 2;
      ckd[i] += codes.contains("N18.3") ? 1 : 0;
      ckd[i + 1]++;
    });
    assertThat(ckd[0] / ckd[1]).isGreaterThan(2 * ckd[2] / ckd[3]);

    Map<String, String> mainDiagnosis = new HashMap<>();
    site.each("Condition", c -> mainDiagnosis.putIfAbsent(c.get("encounter").get("reference").asText(), code(c)));
    double[] crp = new double[4];
    site.each("Observation", o -> {
      if (code(o).equals("1988-5") && o.has("encounter")) {
        String dx = mainDiagnosis.getOrDefault(o.get("encounter").get("reference").asText(), "");
        int i = dx.equals("J18.9") || dx.equals("A41.9") ? 0 : dx.equals("R55") ? 2 : -1;
        if (i >= 0) {
          crp[i] += o.get("valueQuantity").get("value").asDouble();
          crp[i + 1]++;
        }
      }
    });
    assertThat(crp[1]).isPositive();
    assertThat(crp[3]).isPositive();
    assertThat(crp[0] / crp[1]).isGreaterThan(5 * crp[2] / crp[3]);
  }

  @Test
  void aMinorityHasNoResearchConsentAndVolumeIsRealistic() {
    int[] permitted = new int[1];
    site.each("Consent", c -> {
      if (c.get("provision").get("provision").get(2).get("type").asText().equals("permit")) {
        permitted[0]++;
      }
    });
    assertThat(permitted[0] / 5000.0).isBetween(0.70, 0.83);
    double perPatient = site.summary.totalResources() / 5000.0;
    assertThat(perPatient).isBetween(60.0, 180.0);
  }

  private static String code(JsonNode n) {
    return n.get("code") != null ? n.get("code").get("coding").get(0).get("code").asText()
        : n.get("coding").get(0).get("code").asText();
  }

  private static int sum(Map<Month, Integer> m, Month... months) {
    int s = 0;
    for (Month month : months) {
      s += m.getOrDefault(month, 0);
    }
    return s;
  }
}
