package org.datenraum.ingest.dicom.internal;

/** The transfer syntaxes of PS3.5 section 10 and annex A, as the reader needs them. */
final class TransferSyntaxes {

  static final String IMPLICIT_LE = "1.2.840.10008.1.2";
  static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";
  static final String DEFLATED_LE = "1.2.840.10008.1.2.1.99";
  static final String EXPLICIT_BE = "1.2.840.10008.1.2.2";

  private TransferSyntaxes() {}

  /**
   * How the data set of a file in this syntax is encoded, or null for an unknown syntax. The
   * encapsulated (compressed) syntaxes encode the data set as explicit VR little endian: only the
   * pixel data, which the reader skips, differ.
   */
  static Part10Reader.Syntax of(String uid) {
    if (uid == null) {
      return null;
    }
    switch (uid) {
      case IMPLICIT_LE:
        return new Part10Reader.Syntax(false, false, false);
      case EXPLICIT_LE:
      case "1.2.840.10008.1.2.1.98":
      case "1.2.840.10008.1.2.5":
        return new Part10Reader.Syntax(true, false, false);
      case DEFLATED_LE:
        return new Part10Reader.Syntax(true, false, true);
      case EXPLICIT_BE:
        return new Part10Reader.Syntax(true, true, false);
      default:
        return encapsulated(uid) ? new Part10Reader.Syntax(true, false, false) : null;
    }
  }

  private static boolean encapsulated(String uid) {
    if (uid.startsWith("1.2.840.10008.1.2.4.")) {
      String rest = uid.substring("1.2.840.10008.1.2.4.".length());
      return rest.matches("(5[0-7]|70|8[01]|9[0-9]|10[0-8]|20[1-3])");
    }
    return false;
  }
}
