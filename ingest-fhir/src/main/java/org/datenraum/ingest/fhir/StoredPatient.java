package org.datenraum.ingest.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** The patient a stored (de-identified) resource belongs to, for {@link Lookups#patientOf}. */
public final class StoredPatient {

  private static final ObjectMapper JSON = new ObjectMapper();

  private StoredPatient() {}

  /**
   * The patient pseudonym that the stored JSON names in {@code subject}, {@code patient},
   * {@code individual} or {@code collection.source}; empty if none.
   */
  public static Optional<String> of(String storedJson) {
    try {
      JsonNode r = JSON.readTree(storedJson);
      for (JsonNode ref : List.of(r.path("subject"), r.path("patient"), r.path("individual"),
          r.path("collection").path("source"))) {
        String s = ref.path("reference").asText("");
        if (s.startsWith("Patient/")) {
          return Optional.of(s.substring("Patient/".length()));
        }
      }
      return Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
