package org.datenraum.ingest.dicom.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Set;
import org.datenraum.core.Coding;

/**
 * The kept metadata of an instance's series, descriptions already checked by {@link FreeText}.
 * Immutable.
 */
public record SeriesFields(Instant started, Instance.Acquisition a, String protocol,
    String description) {

  /** The kept fields of an instance. */
  public static SeriesFields of(Instance i) {
    Set<String> words = i.nameWords();
    return new SeriesFields(i.acquisition().studyTime(), i.acquisition(),
        FreeText.kept(i.acquisition().protocol(), words),
        FreeText.kept(i.acquisition().seriesDescription(), words));
  }

  /** Writes the fields a series does not have yet (the first instance that has one wins). */
  void fillMissing(ObjectNode s) {
    text(s, "modality", a.modality());
    text(s, "bodyPartExamined", a.bodyPart());
    Coding site = BodyParts.snomed(a.bodyPart());
    if (site != null && !s.has("bodySite")) {
      s.putObject("bodySite").put("system", site.system()).put("code", site.code());
    }
    text(s, "manufacturer", FreeText.kept(a.manufacturer(), Set.of()));
    text(s, "manufacturerModelName", FreeText.kept(a.model(), Set.of()));
    text(s, "protocolName", protocol);
    text(s, "description", description);
    number(s, "sliceThickness", a.sliceThickness());
    if (a.contrast() != null && !s.has("contrast")) {
      s.put("contrast", a.contrast());
    }
    number(s, "ctdiVol", a.ctdiVol());
    if (started != null && !s.has("started")) {
      s.put("started", started.toString());
    }
  }

  private static void text(ObjectNode s, String field, String value) {
    if (value != null && !s.has(field)) {
      s.put(field, value);
    }
  }

  private static void number(ObjectNode s, String field, Double value) {
    if (value != null && !s.has(field)) {
      s.put(field, value);
    }
  }
}
