package org.datenraum.ingest.dicom.internal;

import java.util.Map;

/**
 * The data element tags the reader uses (PS3.6), and the value representations of those it must
 * know to read implicit-VR data sets: sequences and binary numbers.
 */
public final class Tags {

  public static final int TRANSFER_SYNTAX = 0x00020010;
  public static final int CHARACTER_SET = 0x00080005;
  public static final int SOP_CLASS = 0x00080016;
  public static final int SOP_INSTANCE = 0x00080018;
  public static final int STUDY_DATE = 0x00080020;
  public static final int STUDY_TIME = 0x00080030;
  public static final int ACCESSION_NUMBER = 0x00080050;
  public static final int MODALITY = 0x00080060;
  public static final int MANUFACTURER = 0x00080070;
  public static final int INSTITUTION_NAME = 0x00080080;
  public static final int INSTITUTION_ADDRESS = 0x00080081;
  public static final int REFERRING_PHYSICIAN = 0x00080090;
  public static final int CODE_VALUE = 0x00080100;
  public static final int CODING_SCHEME = 0x00080102;
  public static final int CODE_MEANING = 0x00080104;
  public static final int TIMEZONE_OFFSET = 0x00080201;
  public static final int STATION_NAME = 0x00081010;
  public static final int STUDY_DESCRIPTION = 0x00081030;
  public static final int SERIES_DESCRIPTION = 0x0008103E;
  public static final int PERFORMING_PHYSICIAN = 0x00081050;
  public static final int READING_PHYSICIAN = 0x00081060;
  public static final int OPERATORS_NAME = 0x00081070;
  public static final int MODEL_NAME = 0x00081090;
  public static final int REFERENCED_SERIES = 0x00081115;
  public static final int PATIENT_NAME = 0x00100010;
  public static final int PATIENT_ID = 0x00100020;
  public static final int PATIENT_BIRTH_DATE = 0x00100030;
  public static final int PATIENT_SEX = 0x00100040;
  public static final int CONTRAST_AGENT = 0x00180010;
  public static final int BODY_PART = 0x00180015;
  public static final int SLICE_THICKNESS = 0x00180050;
  public static final int PROTOCOL_NAME = 0x00181030;
  public static final int CTDI_VOL = 0x00189345;
  public static final int STUDY_UID = 0x0020000D;
  public static final int SERIES_UID = 0x0020000E;
  public static final int ROWS = 0x00280010;
  public static final int COLUMNS = 0x00280011;
  public static final int BITS_ALLOCATED = 0x00280100;
  public static final int PIXEL_REPRESENTATION = 0x00280103;
  public static final int RESCALE_INTERCEPT = 0x00281052;
  public static final int RESCALE_SLOPE = 0x00281053;
  public static final int MEASUREMENT_UNITS = 0x004008EA;
  public static final int RELATIONSHIP_TYPE = 0x0040A010;
  public static final int VALUE_TYPE = 0x0040A040;
  public static final int CONCEPT_NAME = 0x0040A043;
  public static final int CONCEPT_CODE = 0x0040A168;
  public static final int TEXT_VALUE = 0x0040A160;
  public static final int MEASURED_VALUE = 0x0040A300;
  public static final int NUMERIC_VALUE = 0x0040A30A;
  public static final int TEMPLATE_SEQUENCE = 0x0040A504;
  public static final int TEMPLATE_ID = 0x0040DB00;
  public static final int CONTENT_SEQUENCE = 0x0040A730;
  public static final int SHARED_GROUPS = 0x52009229;
  public static final int PER_FRAME_GROUPS = 0x52009230;
  public static final int CT_EXPOSURE = 0x00189321;
  public static final int SEGMENT_SEQUENCE = 0x00620002;
  public static final int SEGMENT_CATEGORY = 0x00620003;
  public static final int SEGMENT_NUMBER = 0x00620004;
  public static final int SEGMENT_LABEL = 0x00620005;
  public static final int SEGMENT_ALGORITHM_TYPE = 0x00620008;
  public static final int SEGMENT_ALGORITHM_NAME = 0x00620009;
  public static final int SEGMENT_TYPE = 0x0062000F;
  public static final int PIXEL_DATA = 0x7FE00010;
  public static final int ITEM = 0xFFFEE000;
  public static final int ITEM_END = 0xFFFEE00D;
  public static final int SEQUENCE_END = 0xFFFEE0DD;

  /** VRs of the tags whose value an implicit-VR reader must decode; the rest read as text or bytes. */
  private static final Map<Integer, String> IMPLICIT = Map.ofEntries(
      Map.entry(0x00020000, "UL"), Map.entry(0x00020001, "OB"),
      Map.entry(0x00080006, "SQ"), Map.entry(0x00081032, "SQ"), Map.entry(0x00081110, "SQ"),
      Map.entry(REFERENCED_SERIES, "SQ"), Map.entry(0x0008114A, "SQ"), Map.entry(0x00081140, "SQ"),
      Map.entry(0x00081199, "SQ"), Map.entry(0x00082112, "SQ"), Map.entry(0x00082218, "SQ"),
      Map.entry(0x00082228, "SQ"), Map.entry(0x00100050, "SQ"), Map.entry(0x00101002, "SQ"),
      Map.entry(0x00180012, "SQ"), Map.entry(CT_EXPOSURE, "SQ"), Map.entry(CTDI_VOL, "FD"),
      Map.entry(0x00209221, "SQ"), Map.entry(0x00209222, "SQ"), Map.entry(0x00209111, "SQ"),
      Map.entry(0x00209113, "SQ"), Map.entry(0x00209116, "SQ"), Map.entry(0x00209165, "AT"),
      Map.entry(0x00209167, "AT"), Map.entry(0x00209157, "UL"), Map.entry(0x00280002, "US"),
      Map.entry(0x00280008, "IS"), Map.entry(ROWS, "US"), Map.entry(COLUMNS, "US"),
      Map.entry(BITS_ALLOCATED, "US"), Map.entry(0x00280101, "US"), Map.entry(0x00280102, "US"),
      Map.entry(PIXEL_REPRESENTATION, "US"), Map.entry(0x00280106, "US"), Map.entry(0x00280107, "US"),
      Map.entry(0x00289110, "SQ"), Map.entry(0x00289145, "SQ"), Map.entry(0x00400260, "SQ"),
      Map.entry(0x00400275, "SQ"), Map.entry(MEASUREMENT_UNITS, "SQ"), Map.entry(0x0040A073, "SQ"),
      Map.entry(CONCEPT_NAME, "SQ"), Map.entry(CONCEPT_CODE, "SQ"), Map.entry(MEASURED_VALUE, "SQ"),
      Map.entry(0x0040A360, "SQ"), Map.entry(0x0040A375, "SQ"), Map.entry(0x0040A385, "SQ"),
      Map.entry(TEMPLATE_SEQUENCE, "SQ"), Map.entry(CONTENT_SEQUENCE, "SQ"), Map.entry(0x0040A370, "SQ"),
      Map.entry(0x0040A525, "SQ"), Map.entry(0x0040A170, "SQ"), Map.entry(0x0040A195, "SQ"),
      Map.entry(NUMERIC_VALUE, "DS"), Map.entry(0x00700022, "FL"), Map.entry(0x0040A130, "CS"),
      Map.entry(0x0040DB73, "UL"), Map.entry(0x0040A132, "UL"), Map.entry(0x0040A138, "DS"),
      Map.entry(0x0040A13A, "DT"), Map.entry(SHARED_GROUPS, "SQ"), Map.entry(PER_FRAME_GROUPS, "SQ"),
      Map.entry(SEGMENT_SEQUENCE, "SQ"), Map.entry(SEGMENT_CATEGORY, "SQ"), Map.entry(SEGMENT_NUMBER, "US"),
      Map.entry(0x00620007, "SQ"), Map.entry(SEGMENT_TYPE, "SQ"), Map.entry(0x00620011, "SQ"),
      Map.entry(0x0066002F, "SQ"), Map.entry(0x00660032, "SQ"), Map.entry(0x00880200, "SQ"),
      Map.entry(0x0062000A, "SQ"), Map.entry(0x0062000B, "US"),
      Map.entry(0x00082128, "IS"));

  private Tags() {}

  /** The VR of a tag in an implicit-VR data set: {@code UN} when the reader need not know it. */
  public static String implicitVr(int tag) {
    String vr = IMPLICIT.get(tag);
    if (vr != null) {
      return vr;
    }
    if ((tag & 0xFFFF) == 0) {
      return "UL";
    }
    return "UN";
  }
}
