package org.datenraum.registry.imaging;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.datenraum.core.Attribute;
import org.datenraum.core.Coding;
import org.datenraum.core.Fact;
import org.datenraum.core.FactValue;
import org.datenraum.core.ImagingCodes;
import org.datenraum.core.ResourceKey;
import org.datenraum.core.ResourceRecord;

/**
 * A model's output for one study as the store keeps it: one Observation per (model, study), whose
 * every fact carries its provenance (attributes {@code model} = name/version, {@code modelChecksum}
 * = SHA-256 of the model file, the study key, every input series key, a reference to the study).
 */
public final class BiomarkerRecords {

  public static final String MODEL = "urn:datenraum:imaging-model";
  public static final String CHECKSUM = "urn:datenraum:sha256";
  static final Coding IMAGING =
      new Coding("http://terminology.hl7.org/CodeSystem/observation-category", "imaging");

  private BiomarkerRecords() {}

  /** The key of a model's output for a study: the same for every run, so a rerun finds it. */
  public static ResourceKey key(ModelInfo model, String studyId) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest((model.id() + "\u0000" + model.sha256()
          + "\u0000" + studyId).getBytes(StandardCharsets.UTF_8));
      return new ResourceKey("Observation",
          Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(d, 16)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static ResourceRecord record(ModelInfo model, StudyInput study, List<Biomarker> values) {
    ResourceKey key = key(model, study.studyId());
    List<Attribute> provenance = new ArrayList<>();
    provenance.add(new Attribute("category", IMAGING));
    provenance.add(new Attribute("model", new Coding(MODEL, model.id())));
    provenance.add(new Attribute("modelChecksum", new Coding(CHECKSUM, model.sha256())));
    provenance.add(new Attribute(ImagingCodes.STUDY_KEY, new Coding(ImagingCodes.STUDY_KEY, study.studyKey())));
    for (String s : study.seriesKeys()) {
      provenance.add(new Attribute("inputSeries", new Coding(ImagingCodes.SERIES_KEY, s)));
    }
    provenance.add(new Attribute("derivedFrom",
        new Coding("urn:datenraum:reference", "ImagingStudy/" + study.studyId())));
    List<Fact> facts = new ArrayList<>();
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("resourceType", "Observation").put("id", key.id()).put("status", "final");
    json.putObject("subject").put("reference", "Patient/" + study.patient());
    json.putArray("derivedFrom").addObject().put("reference", "ImagingStudy/" + study.studyId());
    json.putObject("model").put("name", model.name()).put("version", model.version())
        .put("sha256", model.sha256());
    var series = json.putArray("inputSeries");
    study.seriesKeys().forEach(series::add);
    var components = json.putArray("biomarker");
    for (Biomarker b : values) {
      facts.add(new Fact(study.patient(), null, "Observation", key.id(),
          new Coding(ImagingCodes.BIOMARKER, b.name()), study.time(), study.time(),
          new FactValue.Quantity(b.value(), b.unit(), null), "final", provenance));
      components.addObject().put("name", b.name()).put("value", b.value()).put("unit", b.unit());
    }
    return new ResourceRecord(key, study.patient(), null, facts, json.toString(), null, List.of());
  }
}
