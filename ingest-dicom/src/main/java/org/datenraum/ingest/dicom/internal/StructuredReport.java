package org.datenraum.ingest.dicom.internal;

import java.util.ArrayList;
import java.util.List;
import org.datenraum.core.Coding;
import org.datenraum.core.ImagingCodes;

/**
 * The numeric content items of a DICOM SR content tree (PS3.3 C.17.3), each with the finding
 * site and finding that its measurement group (TID 1501) or the item itself carries: a finding
 * site is a {@code HAS CONCEPT MOD} CODE item named SCT 363698007 (SRT G-C0E3), a finding a
 * {@code CONTAINS} CODE item named DCM 121071.
 */
public final class StructuredReport {

  private StructuredReport() {}

  /** The measurements of a report's content tree (the root is the data set itself). */
  public static List<Measurement> measurements(DicomObject root) {
    List<Measurement> out = new ArrayList<>();
    walk(root, null, null, out, 0);
    return out;
  }

  /** The template the report declares (e.g. {@code 1500}), or null. */
  public static String template(DicomObject root) {
    DicomObject t = root.first(Tags.TEMPLATE_SEQUENCE);
    return t == null ? null : t.nonEmpty(Tags.TEMPLATE_ID);
  }

  private static void walk(DicomObject node, Coding site, Coding finding, List<Measurement> out,
      int depth) {
    if (depth > 32) {
      return;
    }
    List<DicomObject> children = node.items(Tags.CONTENT_SEQUENCE);
    Coding groupSite = site;
    Coding groupFinding = finding;
    for (DicomObject c : children) {
      Coding s = conceptValue(c, "HAS CONCEPT MOD", true);
      if (s != null) {
        groupSite = s;
      }
      Coding f = conceptValue(c, "CONTAINS", false);
      if (f != null) {
        groupFinding = f;
      }
    }
    for (DicomObject c : children) {
      String type = c.nonEmpty(Tags.VALUE_TYPE);
      if ("CODE".equals(type) && "CONTAINS".equals(c.nonEmpty(Tags.RELATIONSHIP_TYPE))) {
        Coding name = Codes.of(c.first(Tags.CONCEPT_NAME));
        Coding value = Codes.of(c.first(Tags.CONCEPT_CODE));
        if (name != null && value != null && name.system().equals(ImagingCodes.FINDING)) {
          out.add(new Measurement(name, Double.NaN, null, groupSite, groupFinding, value));
        }
      } else if ("NUM".equals(type)) {
        Measurement m = numeric(c, groupSite, groupFinding);
        if (m != null) {
          out.add(m);
        }
      } else if ("CONTAINER".equals(type)) {
        walk(c, groupSite, groupFinding, out, depth + 1);
      }
    }
  }

  private static Coding conceptValue(DicomObject item, String relationship, boolean site) {
    if (!"CODE".equals(item.nonEmpty(Tags.VALUE_TYPE))
        || !relationship.equals(item.nonEmpty(Tags.RELATIONSHIP_TYPE))) {
      return null;
    }
    DicomObject name = item.first(Tags.CONCEPT_NAME);
    boolean matches = site
        ? Codes.is(name, "SCT", "363698007") || Codes.is(name, "SRT", "G-C0E3")
        : Codes.is(name, "DCM", "121071");
    return matches ? Codes.of(item.first(Tags.CONCEPT_CODE)) : null;
  }

  private static Measurement numeric(DicomObject item, Coding site, Coding finding) {
    Coding name = Codes.of(item.first(Tags.CONCEPT_NAME));
    DicomObject mv = item.first(Tags.MEASURED_VALUE);
    if (name == null || mv == null) {
      return null;
    }
    Double value = mv.number(Tags.NUMERIC_VALUE);
    if (value == null) {
      return null;
    }
    DicomObject unitItem = mv.first(Tags.MEASUREMENT_UNITS);
    String unit = unitItem == null ? null : unitItem.nonEmpty(Tags.CODE_VALUE);
    Coding ownSite = null;
    for (DicomObject c : item.items(Tags.CONTENT_SEQUENCE)) {
      Coding s = conceptValue(c, "HAS CONCEPT MOD", true);
      if (s != null) {
        ownSite = s;
      }
    }
    return new Measurement(name, value, unit, ownSite != null ? ownSite : site, finding, null);
  }
}
