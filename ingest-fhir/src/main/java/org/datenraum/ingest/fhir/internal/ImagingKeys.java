package org.datenraum.ingest.fhir.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.datenraum.core.Attribute;
import org.datenraum.core.Coding;
import org.datenraum.core.Fact;
import org.datenraum.core.ImagingCodes;
import org.datenraum.core.Problem;

/**
 * What makes a FHIR ImagingStudy the same study as its DICOM files, taken before
 * de-identification removes the identifiers: the keyed pseudonym of its Study Instance UID
 * (identifier system {@code urn:dicom:uid}) and of each series' UID, exactly as the DICOM ingest
 * keys them; and the check of structured imaging findings against their scales.
 */
public final class ImagingKeys {

  private ImagingKeys() {}

  /** The study and series keys of an ImagingStudy (the study key of its own id without a UID). */
  static List<Attribute> of(JsonNode r, Pseudonyms pseudonyms, String pseudoId) {
    List<Attribute> keys = new ArrayList<>();
    for (JsonNode ident : r.path("identifier")) {
      String value = ident.path("value").asText(null);
      if (ImagingCodes.DICOM_UID.equals(ident.path("system").asText(null)) && value != null) {
        keys.add(key(ImagingCodes.STUDY_KEY, pseudonyms, value));
      }
    }
    if (keys.isEmpty()) {
      keys.add(new Attribute(ImagingCodes.STUDY_KEY, new Coding(ImagingCodes.STUDY_KEY, pseudoId)));
    }
    for (JsonNode s : r.path("series")) {
      String uid = s.path("uid").asText(null);
      if (uid != null) {
        keys.add(key(ImagingCodes.SERIES_KEY, pseudonyms, uid));
      }
    }
    return keys;
  }

  private static Attribute key(String system, Pseudonyms pseudonyms, String uid) {
    String oid = uid.startsWith("urn:oid:") ? uid : "urn:oid:" + uid;
    return new Attribute(system, new Coding(system, pseudonyms.identifier(ImagingCodes.DICOM_UID, oid)));
  }

  /** The facts with the keys added to their attributes. */
  static List<Fact> attach(List<Fact> facts, List<Attribute> keys) {
    List<Fact> out = new ArrayList<>(facts.size());
    for (Fact f : facts) {
      List<Attribute> a = new ArrayList<>(f.attributes());
      a.addAll(keys);
      out.add(new Fact(f.patient(), f.encounter(), f.resourceType(), f.resourceId(), f.code(),
          f.start(), f.end(), f.value(), f.status(), a));
    }
    return out;
  }

  /** Why an Observation's structured imaging finding is outside its scale, or null. */
  static Problem findingProblem(JsonNode r) {
    for (JsonNode c : r.path("code").path("coding")) {
      if (!ImagingCodes.FINDING.equals(c.path("system").asText(null))) {
        continue;
      }
      String code = c.path("code").asText("");
      JsonNode v = r.has("valueInteger") ? r.get("valueInteger") : r.path("valueQuantity").path("value");
      if (v.isNumber() && !ImagingCodes.validNumber(code, v.asDouble())) {
        return scale(code, v.asText());
      }
      if (code.equals(ImagingCodes.RSNA)) {
        for (JsonNode vc : r.path("valueCodeableConcept").path("coding")) {
          if (ImagingCodes.FINDING.equals(vc.path("system").asText(null))
              && !ImagingCodes.RSNA_CATEGORIES.contains(vc.path("code").asText(""))) {
            return scale(code, vc.path("code").asText(""));
          }
        }
      }
    }
    return null;
  }

  private static Problem scale(String code, String value) {
    return Problem.invalid("DR-7510", "the structured finding " + code + " `" + value + "` is"
        + " outside its scale (CO-RADS 0-6, CT severity score 0-25, RSNA typical, indeterminate,"
        + " atypical or negative): correct the value.");
  }
}
