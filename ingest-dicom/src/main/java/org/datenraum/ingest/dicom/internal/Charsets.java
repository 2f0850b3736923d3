package org.datenraum.ingest.dicom.internal;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Specific Character Set (0008,0005) to a Java charset: ISO_IR 192 is UTF-8, ISO_IR 100 and the
 * default repertoire read as ISO-8859-1 (ASCII is a subset); the other single-byte sets map to their
 * ISO 8859 parts. Code extensions (ISO 2022) are read as their first set.
 */
final class Charsets {

  private Charsets() {}

  static Charset of(DicomElement e) {
    String value = e == null ? "" : e.text(StandardCharsets.US_ASCII);
    String first = value.split("\\\\", -1)[0].trim();
    return switch (first) {
      case "ISO_IR 192" -> StandardCharsets.UTF_8;
      case "ISO_IR 101", "ISO 2022 IR 101" -> Charset.forName("ISO-8859-2");
      case "ISO_IR 144", "ISO 2022 IR 144" -> Charset.forName("ISO-8859-5");
      case "ISO_IR 126", "ISO 2022 IR 126" -> Charset.forName("ISO-8859-7");
      case "ISO_IR 148", "ISO 2022 IR 148" -> Charset.forName("ISO-8859-9");
      case "ISO_IR 203", "ISO 2022 IR 203" -> Charset.forName("ISO-8859-15");
      default -> StandardCharsets.ISO_8859_1;
    };
  }
}
