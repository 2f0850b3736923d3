package org.datenraum.ingest.dicom;

import static org.datenraum.ingest.dicom.DicomWriter.items;

import java.util.List;

/** Synthetic DICOM instances with every attribute the ingest takes, values known to the test. */
final class Synthetic {

  static final String CT_CLASS = "1.2.840.10008.5.1.4.1.1.2";
  static final String ENHANCED_CT_CLASS = "1.2.840.10008.5.1.4.1.1.2.1";
  static final String SR_CLASS = "1.2.840.10008.5.1.4.1.1.88.33";

  private Synthetic() {}

  static DicomWriter ct(String patientId, String study, String series, String sop) {
    return new DicomWriter()
        .text(0x00080005, "CS", "ISO_IR 100")
        .text(0x00080016, "UI", CT_CLASS).text(0x00080018, "UI", sop)
        .text(0x00080020, "DA", "20250314").text(0x00080030, "TM", "093015.25")
        .text(0x00080050, "SH", "ACC-778812").text(0x00080060, "CS", "CT")
        .text(0x00080070, "LO", "Siemens Healthineers").text(0x00080080, "LO", "Klinikum Nordstadt")
        .text(0x00080090, "PN", "Hausarzt^Helga").text(0x00080201, "SH", "+0100")
        .text(0x0008103E, "LO", "Thorax 1.0 Br40").text(0x00081090, "LO", "SOMATOM Force")
        .text(0x00100010, "PN", "Mustermann^Erika").text(0x00100020, "LO", patientId)
        .text(0x00100030, "DA", "19620517").text(0x00100040, "CS", "F")
        .text(0x00180010, "LO", "Imeron 350").text(0x00180015, "CS", "CHEST")
        .text(0x00180050, "DS", "1.25").text(0x00181030, "LO", "Thorax Routine Erika")
        .fd(0x00189345, 6.42)
        .text(0x0020000D, "UI", study).text(0x0020000E, "UI", series);
  }

  /** An enhanced CT whose CTDIvol is in the shared functional groups' CT exposure sequence. */
  static DicomWriter enhancedCt(String patientId, String study, String series, String sop) {
    DicomWriter exposure = new DicomWriter().fd(0x00189345, 11.5);
    DicomWriter shared = new DicomWriter().sequence(0x00189321, items(exposure));
    return new DicomWriter()
        .text(0x00080016, "UI", ENHANCED_CT_CLASS).text(0x00080018, "UI", sop)
        .text(0x00080020, "DA", "20250320").text(0x00080060, "CS", "CT")
        .text(0x00100020, "LO", patientId).text(0x00180015, "CS", "ABDOMEN")
        .text(0x0020000D, "UI", study).text(0x0020000E, "UI", series)
        .sequence(0x52009229, items(shared));
  }

  /** A TID 1500-like report with a CO-RADS, a severity score, an RSNA category and a volume. */
  static DicomWriter report(String patientId, String study, String series, String sop,
      double coRads, double severity, String rsna) {
    DicomWriter site = contentItem("HAS CONCEPT MOD", "CODE", "SCT", "363698007")
        .sequence(0x0040A168, items(code("SCT", "39607008")));
    DicomWriter finding = contentItem("CONTAINS", "CODE", "DCM", "121071")
        .sequence(0x0040A168, items(code("SCT", "3128005")));
    DicomWriter group = contentItem("CONTAINS", "CONTAINER", "DCM", "125007")
        .sequence(0x0040A730, items(finding, site,
            num("99DATENRAUM", "co-rads", coRads, "{score}"),
            num("99DATENRAUM", "ct-severity-score", severity, "{score}"),
            num("DCM", "121217", 412.5, "ml"),
            contentItem("CONTAINS", "CODE", "99DATENRAUM", "rsna-covid19")
                .sequence(0x0040A168, items(code("99DATENRAUM", rsna)))));
    DicomWriter measurements = contentItem("CONTAINS", "CONTAINER", "DCM", "126010")
        .sequence(0x0040A730, items(group));
    return new DicomWriter()
        .text(0x00080016, "UI", SR_CLASS).text(0x00080018, "UI", sop)
        .text(0x00080020, "DA", "20250314").text(0x00080060, "CS", "SR")
        .text(0x00100010, "PN", "Mustermann^Erika").text(0x00100020, "LO", patientId)
        .text(0x0020000D, "UI", study).text(0x0020000E, "UI", series)
        .text(0x0040A040, "CS", "CONTAINER")
        .sequence(0x0040A043, items(code("DCM", "126000")))
        .sequence(0x0040A504, items(new DicomWriter().text(0x0040DB00, "CS", "1500")))
        .sequence(0x0040A730, items(measurements));
  }

  static DicomWriter code(String scheme, String value) {
    return new DicomWriter().text(0x00080100, "SH", value).text(0x00080102, "SH", scheme)
        .text(0x00080104, "LO", value);
  }

  static DicomWriter contentItem(String relationship, String type, String scheme, String code) {
    return new DicomWriter().text(0x0040A010, "CS", relationship).text(0x0040A040, "CS", type)
        .sequence(0x0040A043, items(code(scheme, code)));
  }

  static DicomWriter num(String scheme, String code, double value, String unit) {
    DicomWriter measured = new DicomWriter().text(0x0040A30A, "DS", String.valueOf(value))
        .sequence(0x004008EA, items(code("UCUM", unit)));
    return contentItem("CONTAINS", "NUM", scheme, code).sequence(0x0040A300, List.of(measured));
  }
}
