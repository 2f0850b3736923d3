package org.datenraum.generator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every ICU stay of a generated hospital carries what the intensive care indicators read. */
class IcuMonitoringIT {

  @TempDir Path tmp;

  private static String code(JsonNode r) {
    return r.path("code").path("coding").path(0).path("code").asText();
  }

  private static String encounter(JsonNode r) {
    return r.path("encounter").path("reference").asText().replace("Encounter/", "");
  }

  @Test
  void icuStaysHaveVitalsLabsVentilationArdsAndReintubations() throws IOException {
    GeneratedSite site = GeneratedSite.generate(tmp, 4000, 5, "Universitätsklinikum Nord", 1,
        List.of(), 2);
    Set<String> icu = new HashSet<>();
    site.each("Encounter", e -> {
      for (JsonNode t : e.path("type")) {
        if (t.path("coding").path(0).path("code").asText().equals("intensivstationaer")) {
          icu.add(e.path("id").asText());
        }
      }
    });
    Map<String, Set<String>> codes = new HashMap<>();
    site.each("Observation", o -> {
      if (icu.contains(encounter(o))) {
        codes.computeIfAbsent(encounter(o), k -> new HashSet<>()).add(code(o));
      }
    });
    Map<String, Integer> invasive = new HashMap<>();
    Set<String> niv = new HashSet<>();
    Set<String> prone = new HashSet<>();
    site.each("Procedure", r -> {
      String c = code(r);
      if (c.equals("243147009")) {
        invasive.merge(encounter(r), 1, Integer::sum);
      } else if (c.equals("428311008") || c.equals("426854004")) {
        niv.add(encounter(r));
      } else if (c.equals("431182000")) {
        prone.add(encounter(r));
      }
    });
    Set<String> ards = new HashSet<>();
    site.each("Condition", r -> {
      if (code(r).startsWith("J80")) {
        ards.add(encounter(r));
      }
    });
    assertThat(icu).hasSizeGreaterThan(40);
    for (String stay : icu) {
      assertThat(codes.get(stay)).as("ICU stay %s", stay)
          .contains("8478-0", "29463-7", "9187-6", "9269-2", "1975-2", "777-3", "2160-0");
    }
    long withHeight = icu.stream().filter(s -> codes.get(s).contains("8302-2")).count();
    assertThat(withHeight).isLessThan(icu.size()).isGreaterThan(icu.size() * 8 / 10);
    for (String stay : invasive.keySet()) {
      assertThat(codes.get(stay)).as("ventilated stay %s", stay)
          .contains("20112-9", "2703-7", "50984-4");
    }
    assertThat(invasive.values()).as("re-intubations").contains(2);
    assertThat(niv).isNotEmpty();
    assertThat(ards).isNotEmpty().isSubsetOf(invasive.keySet());
    assertThat(prone).isSubsetOf(ards);
  }
}
