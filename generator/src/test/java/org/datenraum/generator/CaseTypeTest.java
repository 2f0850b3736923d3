package org.datenraum.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A case type's groups copy what they are given, and keep the order the tables list things in. */
class CaseTypeTest {

  @Test
  void theGroupsCopyTheirListsMapsAndArrays() {
    List<String> panels = new ArrayList<>(List.of("blood-count", "crp"));
    Map<String, Double> effects = new LinkedHashMap<>();
    effects.put("crp", 3.0);
    effects.put("leukocytes", 1.5);
    List<Vocabulary.Drug> drugs = new ArrayList<>(Arrays.asList((Vocabulary.Drug) null));
    double[] care = {0.4, 0.1, 0.02};
    double[] ages = {1, 2, 3};
    Vocabulary.CaseType c = new Vocabulary.CaseType(new Vocabulary.Presentation("pneumonia", "J18.9", "Pneumonie",
        "RESP", 2, "Innere"), new Vocabulary.Course(care, 7), new Vocabulary.Population("winter", ages, 0.5, 3),
        new Vocabulary.Workup(panels, effects, drugs, List.of(), Map.of()));

    panels.clear();
    effects.put("ast", 9.0);
    drugs.clear();
    care[0] = 1;
    ages[1] = 100;

    assertThat(c.panels()).containsExactly("blood-count", "crp");
    assertThat(c.labEffects().keySet()).containsExactly("crp", "leukocytes");
    assertThat(c.drugs()).hasSize(1).containsNull();
    assertThat(c.pAdmit()).isEqualTo(0.4);
    assertThat(c.ageWeight(1)).isEqualTo(2);
    assertThat(c.elective()).isFalse();
  }
}
