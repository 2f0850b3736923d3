package org.datenraum.app.surveillance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * ED visits counted straight from generated FHIR NDJSON, independently of the ingest and the
 * store: Encounters of class EMER by Berlin arrival day, and those with a GI complaint (CEDIS
 * 254, 257) or a GI diagnosis (ICD-10-GM A00-A09) referencing them.
 */
record FhirEdVisits(Map<LocalDate, Integer> visitsByDay, Map<LocalDate, Integer> giVisitsByDay) {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  static FhirEdVisits read(Path dir) throws IOException {
    ObjectMapper json = new ObjectMapper();
    Map<String, LocalDate> edDay = new HashMap<>();
    Set<String> gi = new HashSet<>();
    for (String line : Files.readAllLines(dir.resolve("Encounter.ndjson"))) {
      JsonNode e = json.readTree(line);
      if (!e.at("/class/code").asText().equals("EMER")) {
        continue;
      }
      String id = e.get("id").asText();
      edDay.put(id, OffsetDateTime.parse(e.at("/period/start").asText())
          .atZoneSameInstant(BERLIN).toLocalDate());
      for (JsonNode reason : e.path("reasonCode")) {
        for (JsonNode coding : reason.path("coding")) {
          if (List.of("254", "257").contains(coding.path("code").asText())) {
            gi.add(id);
          }
        }
      }
    }
    for (String line : Files.readAllLines(dir.resolve("Condition.ndjson"))) {
      JsonNode c = json.readTree(line);
      String encounter = c.at("/encounter/reference").asText().replace("Encounter/", "");
      for (JsonNode coding : c.at("/code/coding")) {
        String code = coding.path("code").asText();
        if (code.startsWith("A0") && edDay.containsKey(encounter)) {
          gi.add(encounter);
        }
      }
    }
    Map<LocalDate, Integer> visits = new TreeMap<>();
    Map<LocalDate, Integer> giVisits = new TreeMap<>();
    edDay.forEach((id, day) -> {
      visits.merge(day, 1, Integer::sum);
      if (gi.contains(id)) {
        giVisits.merge(day, 1, Integer::sum);
      }
    });
    return new FhirEdVisits(visits, giVisits);
  }
}
