package org.datenraum.ingest.fhir.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.datenraum.core.Attribute;
import org.datenraum.core.Coding;
import org.datenraum.core.Problem;

/**
 * Cohort membership: a ResearchStudy is known by its codes (its identifiers, which name a study and
 * no person, and its category codings), and a ResearchSubject's facts carry the codes of its study,
 * so that "patients in study X" is a criterion at every site that takes part in X.
 */
final class StudyCodes {

  /** The system of the arm attributes; the code is the arm's name. */
  static final String ARM_SYSTEM = "urn:datenraum:study-arm";

  private StudyCodes() {}

  /** A ResearchStudy's own codes, read before de-identification removes its identifiers. */
  static List<Coding> ofStudy(JsonNode study) {
    List<Coding> out = new ArrayList<>();
    for (JsonNode i : study.path("identifier")) {
      if (i.hasNonNull("value")) {
        out.add(new Coding(i.path("system").asText(""), i.path("value").asText()));
      }
    }
    for (JsonNode c : study.path("category")) {
      for (JsonNode coding : c.path("coding")) {
        if (coding.hasNonNull("code")) {
          out.add(new Coding(coding.path("system").asText(""), coding.path("code").asText()));
        }
      }
    }
    return out;
  }

  /** The codes of the study a ResearchSubject takes part in, or why they cannot be found (yet). */
  static MedicationCodes.Found ofSubject(JsonNode subject, Map<String, String> fullUrls, Pseudonyms pseudonyms,
      Function<String, List<Coding>> known) {
    String ref = subject.path("study").path("reference").asText(null);
    String target = ReferenceTarget.of(ref, fullUrls);
    if (target != null && target.startsWith("ResearchStudy/")) {
      List<Coding> codes = known.apply(pseudonyms.reference(target).substring("ResearchStudy/".length()));
      if (!codes.isEmpty()) {
        return new MedicationCodes.Found(codes, null);
      }
    }
    return new MedicationCodes.Found(List.of(), Problem.notFound("DR-7404", "its `study` `" + ref
        + "` is no ResearchStudy with an identifier in this load or the store: load the study with its"
        + " identifier, or fix the reference."));
  }

  /** The arms a subject was assigned to and took part in, as attributes. */
  static List<Attribute> arms(JsonNode subject) {
    List<Attribute> out = new ArrayList<>();
    for (String arm : List.of("assignedArm", "actualArm")) {
      if (subject.hasNonNull(arm)) {
        out.add(new Attribute(arm, new Coding(ARM_SYSTEM, subject.path(arm).asText())));
      }
    }
    return out;
  }
}
