package org.datenraum.generator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every ICU stay of a generated hospital carries what the intensive care indicators read. */
class IcuMonitoringIT {

  @TempDir static Path tmp;
  private static GeneratedSite site;

  @BeforeAll
  static void generate() throws IOException {
    site = GeneratedSite.generate(tmp, 4000, 5, "Universitätsklinikum Nord", 1, List.of(), 2);
  }

  private static String code(JsonNode r) {
    return r.path("code").path("coding").path(0).path("code").asText();
  }

  private static String encounter(JsonNode r) {
    return r.path("encounter").path("reference").asText().replace("Encounter/", "");
  }

  @Test
  void icuStaysHaveVitalsLabsVentilationArdsAndReintubations() throws IOException {
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

  private static String ref(JsonNode r, String element, String type) {
    return r.path(element).path("reference").asText().replace(type + "/", "");
  }

  /** Tidal volume per kg PBW of each ventilated hour, with the stay's sex, height and ARDS. */
  private record Hour(boolean male, double height, boolean ards, double perKg) {}

  /**
   * Tidal volumes per kg predicted body weight (ARDS Network) are realistic: some hours exceed
   * 8 mL/kg, more often in short women than in tall men, and stays with ARDS are ventilated lower
   * but do not always reach 6 mL/kg.
   */
  @Test
  void tidalVolumesExceed8mlPerKgSometimesMoreOftenInShortWomen() {
    Map<String, Boolean> male = new HashMap<>();
    Map<String, Integer> born = new HashMap<>();
    site.each("Patient", p -> {
      male.put(p.path("id").asText(), p.path("gender").asText().equals("male"));
      born.put(p.path("id").asText(), Integer.parseInt(p.path("birthDate").asText().substring(0, 4)));
    });
    Map<String, Double> height = new HashMap<>();
    List<JsonNode> volumes = new ArrayList<>();
    site.eachContaining("Observation", List.of("\"8302-2\"", "\"20112-9\""), o -> {
      if (code(o).equals("8302-2")) {
        height.put(ref(o, "encounter", "Encounter"), o.path("valueQuantity").path("value").asDouble());
      } else if (code(o).equals("20112-9")) {
        volumes.add(o);
      }
    });
    Set<String> ards = new HashSet<>();
    site.each("Condition", c -> {
      if (code(c).startsWith("J80")) {
        ards.add(ref(c, "encounter", "Encounter"));
      }
    });
    List<Hour> hours = new ArrayList<>();
    for (JsonNode o : volumes) {
      String stay = ref(o, "encounter", "Encounter");
      String patient = ref(o, "subject", "Patient");
      Double h = height.get(stay);
      int age = Integer.parseInt(o.path("effectiveDateTime").asText().substring(0, 4))
          - born.get(patient);
      if (h == null || age < 19) {
        continue;
      }
      boolean m = male.get(patient);
      double pbw = (m ? 50 : 45.5) + 0.91 * (h - 152.4);
      hours.add(new Hour(m, h, ards.contains(stay),
          o.path("valueQuantity").path("value").asDouble() / pbw));
    }
    List<Hour> withoutArds = hours.stream().filter(x -> !x.ards()).toList();
    List<Hour> withArds = hours.stream().filter(Hour::ards).toList();
    assertThat(withoutArds).hasSizeGreaterThan(1000);
    assertThat(withArds).hasSizeGreaterThan(100);

    double above8 = share(withoutArds, 8);
    assertThat(above8).as("hours above 8 mL/kg PBW without ARDS").isBetween(0.15, 0.6);
    double tallMen = share(withoutArds.stream().filter(x -> x.male() && x.height() >= 180).toList(), 8);
    double shortWomen = share(withoutArds.stream().filter(x -> !x.male() && x.height() < 165)
        .toList(), 8);
    assertThat(shortWomen).as("short women").isGreaterThan(tallMen + 0.2);
    assertThat(tallMen).as("tall men").isLessThan(above8);

    double ardsAbove8 = share(withArds, 8);
    double ardsAtMost6 = 1 - share(withArds, 6);
    assertThat(ardsAbove8).as("ARDS hours above 8 mL/kg").isLessThan(above8 / 2);
    assertThat(ardsAtMost6).as("ARDS hours at most 6 mL/kg").isBetween(0.02, 0.6);
    assertThat(1 - share(withoutArds, 6)).as("hours at most 6 mL/kg without ARDS")
        .isLessThan(ardsAtMost6);
  }

  /** The share of hours above {@code limit} mL/kg. */
  private static double share(List<Hour> hours, double limit) {
    assertThat(hours).isNotEmpty();
    return hours.stream().filter(x -> x.perKg() > limit).count() / (double) hours.size();
  }
}
