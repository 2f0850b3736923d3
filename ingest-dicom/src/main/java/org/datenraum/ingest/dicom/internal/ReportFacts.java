package org.datenraum.ingest.dicom.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.datenraum.core.Attribute;
import org.datenraum.core.Coding;
import org.datenraum.core.Fact;
import org.datenraum.core.FactValue;
import org.datenraum.core.ImagingCodes;

/**
 * The facts of a structured report: one Observation fact per measurement (value and UCUM unit)
 * or coded finding, with its finding site as {@code bodySite}, its finding as {@code focus}, the
 * category {@code imaging} and the study and series keys. Findings outside their scale (CO-RADS
 * 0-6, CT severity score 0-25, the four RSNA categories) are left out and reported.
 */
public final class ReportFacts {

  static final Coding IMAGING =
      new Coding("http://terminology.hl7.org/CodeSystem/observation-category", "imaging");

  /** The facts and the findings left out. */
  public record Built(List<Fact> facts, List<String> invalid) {
    public Built {
      facts = List.copyOf(facts);
      invalid = List.copyOf(invalid);
    }
  }

  private ReportFacts() {}

  public static Built of(List<Measurement> ms, String patient, String id, Instant time,
      String studyKey, String seriesKey) {
    List<Fact> facts = new ArrayList<>();
    List<String> invalid = new ArrayList<>();
    for (Measurement m : ms) {
      FactValue value;
      if (m.coded() != null) {
        boolean ok = !m.name().code().equals(ImagingCodes.RSNA)
            || ImagingCodes.RSNA_CATEGORIES.contains(m.coded().code());
        if (!ok) {
          invalid.add(m.name().code() + " `" + m.coded().code() + "`");
          continue;
        }
        value = new FactValue.Coded(m.coded());
      } else {
        if (m.name().system().equals(ImagingCodes.FINDING)
            && !ImagingCodes.validNumber(m.name().code(), m.value())) {
          invalid.add(m.name().code() + " `" + m.value() + "`");
          continue;
        }
        boolean score = m.name().system().equals(ImagingCodes.FINDING);
        value = new FactValue.Quantity(m.value(), score ? null : m.unit(), null);
      }
      List<Attribute> a = new ArrayList<>();
      a.add(new Attribute("category", IMAGING));
      a.add(new Attribute(ImagingCodes.STUDY_KEY, new Coding(ImagingCodes.STUDY_KEY, studyKey)));
      a.add(new Attribute(ImagingCodes.SERIES_KEY, new Coding(ImagingCodes.SERIES_KEY, seriesKey)));
      if (m.findingSite() != null) {
        a.add(new Attribute("bodySite", m.findingSite()));
      }
      if (m.finding() != null) {
        a.add(new Attribute("focus", m.finding()));
      }
      facts.add(new Fact(patient, null, "Observation", id, m.name(), time, time, value, "final", a));
    }
    return new Built(facts, invalid);
  }
}
