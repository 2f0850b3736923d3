package org.datenraum.app.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * MIMIC-III demo rows as MII-coded FHIR: a Patient per subject, an ICU department Encounter
 * (Fachabteilungsschlüssel 3600) per ICU stay, an MII ICU ventilation Procedure (category SNOMED
 * 40617009, code 243147009 controlled ventilation) per invasive ventilation row, and a
 * MedicationAdministration (ATC) with its rate per catecholamine row; rewritten rows are entered
 * in error. Dopamine rates are written in mg/kg/h (UCUM converts them back).
 */
final class MimicFhir {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, String> ATC = Map.of("221906", "C01CA03", "221289", "C01CA24",
      "221662", "C01CA04", "221653", "C01CA07");

  private MimicFhir() {}

  static void write(Path dir, List<Map<String, String>> patients, List<Map<String, String>> stays,
      List<Map<String, String>> ventilation, List<Map<String, String>> drugs) throws IOException {
    List<String> out = new ArrayList<>();
    for (Map<String, String> p : patients) {
      ObjectNode r = resource("Patient", "p" + p.get("SUBJECT_ID"));
      r.put("gender", p.get("GENDER").equals("F") ? "female" : "male");
      out.add(r.toString());
    }
    Files.writeString(dir.resolve("Patient.ndjson"), String.join("\n", out) + "\n");
    out.clear();
    for (Map<String, String> s : stays) {
      ObjectNode r = clinical("Encounter", "e" + s.get("ICUSTAY_ID"), s);
      r.put("status", "finished");
      r.putObject("class").put("system", "http://terminology.hl7.org/CodeSystem/v3-ActCode")
          .put("code", "IMP");
      r.putArray("serviceType").addObject().putArray("coding").addObject()
          .put("system", "http://fhir.de/CodeSystem/dkgev/Fachabteilungsschluessel")
          .put("code", "3600");
      period(r, "period", s.get("INTIME"), s.get("OUTTIME"));
      out.add(r.toString());
    }
    Files.writeString(dir.resolve("Encounter.ndjson"), String.join("\n", out) + "\n");
    out.clear();
    for (Map<String, String> v : ventilation) {
      ObjectNode r = clinical("Procedure", "v" + v.get("ROW_ID"), v);
      r.put("status", "completed");
      coding(r.putObject("category"), "http://snomed.info/sct", "40617009");
      coding(r.putObject("code"), "http://snomed.info/sct", "243147009");
      period(r, "performedPeriod", v.get("STARTTIME"), v.get("ENDTIME"));
      out.add(r.toString());
    }
    Files.writeString(dir.resolve("Procedure.ndjson"), String.join("\n", out) + "\n");
    out.clear();
    for (Map<String, String> d : drugs) {
      if (d.get("RATE").isEmpty()) {
        continue;
      }
      out.add(administration(d).toString());
    }
    Files.writeString(dir.resolve("MedicationAdministration.ndjson"), String.join("\n", out) + "\n");
  }

  private static ObjectNode administration(Map<String, String> d) {
    ObjectNode r = clinical("MedicationAdministration", "m" + d.get("ROW_ID"), d);
    r.put("status", d.get("STATUSDESCRIPTION").equals("Rewritten") ? "entered-in-error" : "completed");
    coding(r.putObject("medicationCodeableConcept"), "http://fhir.de/CodeSystem/bfarm/atc",
        ATC.get(d.get("ITEMID")));
    period(r, "effectivePeriod", d.get("STARTTIME"), d.get("ENDTIME"));
    double rate = Double.parseDouble(d.get("RATE"));
    boolean dopamine = d.get("ITEMID").equals("221662");
    if (!d.get("RATEUOM").equals("mcg/kg/min")) {
      throw new IllegalStateException("unexpected rate unit " + d.get("RATEUOM"));
    }
    r.putObject("dosage").putObject("rateQuantity")
        .put("value", dopamine ? rate * 60 / 1000 : rate)
        .put("system", "http://unitsofmeasure.org")
        .put("code", dopamine ? "mg/kg/h" : "ug/kg/min");
    return r;
  }

  private static ObjectNode resource(String type, String id) {
    ObjectNode r = JSON.createObjectNode();
    r.put("resourceType", type).put("id", id);
    return r;
  }

  private static ObjectNode clinical(String type, String id, Map<String, String> row) {
    ObjectNode r = resource(type, id);
    r.putObject("subject").put("reference", "Patient/p" + row.get("SUBJECT_ID"));
    return r;
  }

  private static void coding(ObjectNode concept, String system, String code) {
    ArrayNode codings = concept.putArray("coding");
    codings.addObject().put("system", system).put("code", code);
  }

  private static void period(ObjectNode r, String name, String start, String end) {
    r.putObject(name).put("start", MimicCsv.fhir(start)).put("end", MimicCsv.fhir(end));
  }
}
