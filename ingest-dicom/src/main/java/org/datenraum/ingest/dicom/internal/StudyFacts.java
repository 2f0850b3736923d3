package org.datenraum.ingest.dicom.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.datenraum.core.Attribute;
import org.datenraum.core.Coding;
import org.datenraum.core.Fact;
import org.datenraum.core.FactValue;
import org.datenraum.core.ImagingCodes;

/**
 * The facts of a stored imaging study document: per series its modality (DCM), slice thickness
 * and CTDIvol as quantities, per segment its property type; every fact carries the study and series
 * keys, the body site and the series' contrast, device and body part as attributes.
 */
public final class StudyFacts {

  static final String SEGMENT_ALGORITHM_TYPE = "urn:dicom:segment-algorithm-type";
  static final String ALGORITHM = "urn:datenraum:algorithm";
  static final String DEVICE = "urn:datenraum:dicom-device";
  private static final String SPECIAL = "http://hl7.org/fhir/special-values";

  private StudyFacts() {}

  public static List<Fact> of(StudyDocument doc) {
    JsonNode root = doc.root();
    String id = root.path("id").asText();
    Instant studyStart = instant(root.path("started"));
    List<Fact> facts = new ArrayList<>();
    for (JsonNode s : root.path("series")) {
      Instant t = s.has("started") ? instant(s.path("started")) : studyStart;
      List<Attribute> attrs = attributes(root, s);
      Out out = new Out(doc.patient(), id, t, attrs, facts);
      if (s.hasNonNull("modality")) {
        out.add(new Coding(ImagingCodes.DCM, s.get("modality").asText()), null, List.of());
      }
      if (s.has("sliceThickness")) {
        out.add(new Coding(ImagingCodes.DICOM_ATTRIBUTE, "SliceThickness"),
            new FactValue.Quantity(s.get("sliceThickness").asDouble(), "mm", null), List.of());
      }
      if (s.has("ctdiVol")) {
        out.add(new Coding(ImagingCodes.DCM, "113830"),
            new FactValue.Quantity(s.get("ctdiVol").asDouble(), "mGy", null), List.of());
      }
      for (JsonNode seg : s.path("segment")) {
        segment(seg, out);
      }
    }
    return facts;
  }

  private static void segment(JsonNode seg, Out out) {
    Coding type = coding(seg.path("type"));
    if (type == null) {
      type = coding(seg.path("category"));
    }
    if (type == null) {
      return;
    }
    List<Attribute> more = new ArrayList<>();
    Coding category = coding(seg.path("category"));
    if (category != null) {
      more.add(new Attribute("segment.category", category));
    }
    if (seg.hasNonNull("algorithmType")) {
      more.add(new Attribute("segment.algorithmType",
          new Coding(SEGMENT_ALGORITHM_TYPE, seg.get("algorithmType").asText())));
    }
    if (seg.hasNonNull("algorithmName")) {
      more.add(new Attribute("segment.algorithm", new Coding(ALGORITHM, seg.get("algorithmName").asText())));
    }
    FactValue label = seg.hasNonNull("label") ? new FactValue.Text(seg.get("label").asText()) : null;
    out.add(type, label, more);
  }

  private static List<Attribute> attributes(JsonNode root, JsonNode s) {
    List<Attribute> a = new ArrayList<>();
    a.add(new Attribute(ImagingCodes.STUDY_KEY, new Coding(ImagingCodes.STUDY_KEY, root.path("study").asText())));
    a.add(new Attribute(ImagingCodes.SERIES_KEY, new Coding(ImagingCodes.SERIES_KEY, s.path("uid").asText())));
    Coding site = coding(s.path("bodySite"));
    if (site != null) {
      a.add(new Attribute("series.bodySite", site));
    }
    if (s.hasNonNull("bodyPartExamined")) {
      a.add(new Attribute("series.bodyPartExamined",
          new Coding(BodyParts.DEFINED_TERMS, s.get("bodyPartExamined").asText())));
    }
    if (s.has("contrast")) {
      a.add(new Attribute("series.contrast", new Coding(SPECIAL, String.valueOf(s.get("contrast").asBoolean()))));
    }
    if (s.hasNonNull("manufacturer")) {
      a.add(new Attribute("series.manufacturer", new Coding(DEVICE, s.get("manufacturer").asText())));
    }
    if (s.hasNonNull("manufacturerModelName")) {
      a.add(new Attribute("series.manufacturerModelName",
          new Coding(DEVICE, s.get("manufacturerModelName").asText())));
    }
    return a;
  }

  static Coding coding(JsonNode c) {
    return c.hasNonNull("code") ? new Coding(c.path("system").asText(""), c.get("code").asText()) : null;
  }

  static Instant instant(JsonNode t) {
    return t.isTextual() ? Instant.parse(t.asText()) : null;
  }

  private record Out(String patient, String id, Instant t, List<Attribute> attrs, List<Fact> facts) {
    void add(Coding code, FactValue value, List<Attribute> more) {
      List<Attribute> all = new ArrayList<>(attrs);
      all.addAll(more);
      facts.add(new Fact(patient, null, "ImagingStudy", id, code, t, t, value, "available", all));
    }
  }
}
