package org.datenraum.ingest.dicom.internal;

import org.datenraum.core.Coding;

/** DICOM code sequence items (PS3.3 section 8.8) to codings with FHIR system URIs. */
public final class Codes {

  public static final String DCM = "http://dicom.nema.org/resources/ontology/DCM";
  public static final String SCT = "http://snomed.info/sct";
  public static final String LOINC = "http://loinc.org";
  public static final String UCUM = "http://unitsofmeasure.org";

  private Codes() {}

  /** The coding of a code sequence item, or null when it has no code value. */
  public static Coding of(DicomObject item) {
    if (item == null) {
      return null;
    }
    String value = item.nonEmpty(Tags.CODE_VALUE);
    if (value == null) {
      return null;
    }
    return new Coding(system(item.nonEmpty(Tags.CODING_SCHEME)), value);
  }

  /** The FHIR system of a DICOM coding scheme designator (PS3.16 section 8). */
  public static String system(String designator) {
    if (designator == null) {
      return "";
    }
    return switch (designator) {
      case "DCM" -> DCM;
      case "SCT" -> SCT;
      case "LN" -> LOINC;
      case "UCUM" -> UCUM;
      case "RADLEX" -> "http://radlex.org";
      case "99DATENRAUM" -> org.datenraum.core.ImagingCodes.FINDING;
      default -> "urn:dicom:scheme:" + designator;
    };
  }

  /** Whether an item's code is {@code system|code}. */
  static boolean is(DicomObject item, String designator, String code) {
    return item != null && code.equals(item.nonEmpty(Tags.CODE_VALUE))
        && designator.equals(item.nonEmpty(Tags.CODING_SCHEME));
  }
}
