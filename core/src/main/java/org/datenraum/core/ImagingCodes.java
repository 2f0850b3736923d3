package org.datenraum.core;

import java.util.Set;

/**
 * The codes imaging facts share, whichever way a study arrived (DICOM or FHIR): the keys that make
 * a study and its series one across sources, and the structured findings of chest CT in COVID-19
 * (CO-RADS, the RSNA expert consensus categories, the CT severity score), which no terminology
 * codes yet.
 */
public final class ImagingCodes {

  /** DICOM's own terminology (modalities, measurements such as 113830 Mean CTDIvol). */
  public static final String DCM = "http://dicom.nema.org/resources/ontology/DCM";
  /** Attribute key and system of a study's pseudonymised Study Instance UID. */
  public static final String STUDY_KEY = "urn:datenraum:imaging-study";
  /** Attribute key and system of a series' pseudonymised Series Instance UID. */
  public static final String SERIES_KEY = "urn:datenraum:imaging-series";
  /** The identifier system of DICOM UIDs in FHIR ({@code urn:oid:} values). */
  public static final String DICOM_UID = "urn:dicom:uid";
  /** Structured findings: {@link #CO_RADS}, {@link #RSNA}, {@link #CT_SEVERITY}. */
  public static final String FINDING = "urn:datenraum:imaging-finding";
  /** CO-RADS category, an integer 0-6 (Prokop et al., Radiology 2020;296:E97). */
  public static final String CO_RADS = "co-rads";
  /** RSNA expert consensus category (Simpson et al., Radiology: Cardiothoracic Imaging 2020). */
  public static final String RSNA = "rsna-covid19";
  /** CT severity score, an integer 0-25: five lobes scored 0-5 each (Pan et al., Radiology 2020). */
  public static final String CT_SEVERITY = "ct-severity-score";
  /** The RSNA categories' codes, in {@link #FINDING}. */
  public static final Set<String> RSNA_CATEGORIES =
      Set.of("typical", "indeterminate", "atypical", "negative");
  /** Header attributes kept as quantities ({@code SliceThickness} in mm), by DICOM keyword. */
  public static final String DICOM_ATTRIBUTE = "urn:datenraum:dicom-attribute";
  /** Biomarkers computed at the site by an imaging model. */
  public static final String BIOMARKER = "urn:datenraum:imaging-biomarker";

  private ImagingCodes() {}

  /**
   * Whether a numeric finding's value is valid: CO-RADS an integer 0-6, the CT severity score an
   * integer 0-25; other codes are not checked.
   */
  public static boolean validNumber(String code, double value) {
    return switch (code) {
      case CO_RADS -> value == Math.rint(value) && value >= 0 && value <= 6;
      case CT_SEVERITY -> value == Math.rint(value) && value >= 0 && value <= 25;
      default -> true;
    };
  }
}
