package org.datenraum.ingest.dicom.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Takes an {@link Instance} out of a data set read by {@link Part10Reader}. */
public final class InstanceReader {

  /** The Media Storage Directory SOP class: a DICOMDIR, not an instance. */
  public static final String DICOMDIR_CLASS = "1.2.840.10008.1.3.10";
  private static final int[] PEOPLE = {Tags.PATIENT_NAME, Tags.REFERRING_PHYSICIAN,
      Tags.PERFORMING_PHYSICIAN, Tags.READING_PHYSICIAN, Tags.OPERATORS_NAME};

  private InstanceReader() {}

  /** The instance, or why the data set cannot be one. */
  public static Instance of(DicomObject d) throws Part10Reader.Unreadable {
    String study = d.nonEmpty(Tags.STUDY_UID);
    String series = d.nonEmpty(Tags.SERIES_UID);
    String sop = d.nonEmpty(Tags.SOP_INSTANCE);
    String patient = d.nonEmpty(Tags.PATIENT_ID);
    String missing = study == null ? "Study Instance UID (0020,000D)"
        : series == null ? "Series Instance UID (0020,000E)"
        : sop == null ? "SOP Instance UID (0008,0018)"
        : patient == null ? "Patient ID (0010,0020)" : null;
    if (missing != null) {
      throw new Part10Reader.Unreadable("DR-7506", "the file has no " + missing
          + ": an instance needs its UIDs and its patient's id; complete the file at its source.");
    }
    var uids = new Instance.Uids(study, series, sop, d.nonEmpty(Tags.SOP_CLASS));
    var subject = new Instance.Subject(patient, d.nonEmpty(Tags.PATIENT_SEX),
        d.nonEmpty(Tags.PATIENT_BIRTH_DATE));
    boolean sr = "SR".equals(d.nonEmpty(Tags.MODALITY)) || d.get(Tags.CONTENT_SEQUENCE) != null;
    return new Instance(uids, subject, acquisition(d),
        sr ? StructuredReport.measurements(d) : List.of(), segments(d), nameWords(d));
  }

  private static Instance.Acquisition acquisition(DicomObject d) {
    String agent = d.text(Tags.CONTRAST_AGENT);
    Boolean contrast = agent == null ? null : !agent.isEmpty();
    return new Instance.Acquisition(d.nonEmpty(Tags.MODALITY), d.nonEmpty(Tags.BODY_PART),
        studyTime(d), d.nonEmpty(Tags.MANUFACTURER), d.nonEmpty(Tags.MODEL_NAME),
        d.nonEmpty(Tags.PROTOCOL_NAME), d.nonEmpty(Tags.SERIES_DESCRIPTION),
        d.number(Tags.SLICE_THICKNESS), contrast, ctdiVol(d));
  }

  /** CTDIvol of a CT image, or of an enhanced CT's shared or first per-frame exposure. */
  private static Double ctdiVol(DicomObject d) {
    Double v = d.number(Tags.CTDI_VOL);
    if (v != null) {
      return v;
    }
    for (int groups : new int[] {Tags.SHARED_GROUPS, Tags.PER_FRAME_GROUPS}) {
      DicomObject g = d.first(groups);
      DicomObject exposure = g == null ? null : g.first(Tags.CT_EXPOSURE);
      if (exposure != null && exposure.number(Tags.CTDI_VOL) != null) {
        return exposure.number(Tags.CTDI_VOL);
      }
    }
    return null;
  }

  /** Study date and time, at the file's UTC offset (0008,0201), else read as UTC. */
  static Instant studyTime(DicomObject d) {
    String date = d.nonEmpty(Tags.STUDY_DATE);
    if (date == null || !date.matches("\\d{8}")) {
      return null;
    }
    try {
      LocalDate day = LocalDate.of(Integer.parseInt(date.substring(0, 4)),
          Integer.parseInt(date.substring(4, 6)), Integer.parseInt(date.substring(6, 8)));
      LocalTime time = time(d.nonEmpty(Tags.STUDY_TIME));
      ZoneOffset offset = offset(d.nonEmpty(Tags.TIMEZONE_OFFSET));
      return day.atTime(time).toInstant(offset);
    } catch (java.time.DateTimeException | NumberFormatException e) {
      return null;
    }
  }

  private static LocalTime time(String tm) {
    if (tm == null) {
      return LocalTime.MIDNIGHT;
    }
    String t = tm.replace(":", "");
    String whole = t.contains(".") ? t.substring(0, t.indexOf('.')) : t;
    int h = whole.length() >= 2 ? Integer.parseInt(whole.substring(0, 2)) : 0;
    int m = whole.length() >= 4 ? Integer.parseInt(whole.substring(2, 4)) : 0;
    int s = whole.length() >= 6 ? Math.min(59, Integer.parseInt(whole.substring(4, 6))) : 0;
    return LocalTime.of(h, m, s);
  }

  private static ZoneOffset offset(String tz) {
    if (tz == null || !tz.matches("[+-]\\d{4}")) {
      return ZoneOffset.UTC;
    }
    int sign = tz.charAt(0) == '-' ? -1 : 1;
    return ZoneOffset.ofHoursMinutes(sign * Integer.parseInt(tz.substring(1, 3)),
        sign * Integer.parseInt(tz.substring(3, 5)));
  }

  private static List<Segment> segments(DicomObject d) {
    List<Segment> out = new ArrayList<>();
    for (DicomObject s : d.items(Tags.SEGMENT_SEQUENCE)) {
      Double number = s.number(Tags.SEGMENT_NUMBER);
      out.add(new Segment(number == null ? 0 : number.intValue(), s.nonEmpty(Tags.SEGMENT_LABEL),
          Codes.of(s.first(Tags.SEGMENT_CATEGORY)), Codes.of(s.first(Tags.SEGMENT_TYPE)),
          s.nonEmpty(Tags.SEGMENT_ALGORITHM_TYPE), s.nonEmpty(Tags.SEGMENT_ALGORITHM_NAME)));
    }
    return out;
  }

  /**
   * The words (of two letters or more) of every person name and identifier in the file, and the
   * institution's name as a whole.
   */
  private static Set<String> nameWords(DicomObject d) {
    Set<String> words = new HashSet<>();
    for (int tag : PEOPLE) {
      add(words, d.text(tag));
    }
    add(words, d.text(Tags.PATIENT_ID));
    add(words, d.text(Tags.ACCESSION_NUMBER));
    String institution = d.nonEmpty(Tags.INSTITUTION_NAME);
    if (institution != null && institution.length() >= 2) {
      words.add(institution.toLowerCase(Locale.ROOT));
    }
    add(words, d.text(Tags.PATIENT_BIRTH_DATE));
    return words;
  }

  private static void add(Set<String> words, String value) {
    if (value == null) {
      return;
    }
    for (String w : value.split("[\\^\\\\=\\s,]+")) {
      if (w.length() >= 2 && !w.chars().allMatch(c -> c == '-')) {
        words.add(w.toLowerCase(Locale.ROOT));
      }
    }
  }
}
