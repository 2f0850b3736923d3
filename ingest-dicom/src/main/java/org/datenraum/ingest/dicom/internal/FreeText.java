package org.datenraum.ingest.dicom.internal;

import java.util.Locale;
import java.util.Set;

/**
 * Keeps a description (protocol, series, segment label) only when it names nobody the file
 * names: no word of a person's name, the patient id, the accession number or the birth date, and
 * not the institution's name; too long a text is dropped as well.
 */
public final class FreeText {

  /** Descriptions longer than this are dropped: they are notes, not labels. */
  public static final int MAX_LENGTH = 64;

  private FreeText() {}

  /** The text if it is safe to keep, else null. */
  public static String kept(String text, Set<String> nameWords) {
    if (text == null || text.isEmpty() || text.length() > MAX_LENGTH) {
      return null;
    }
    String lower = text.toLowerCase(Locale.ROOT);
    Set<String> tokens = new java.util.HashSet<>(java.util.Arrays.asList(lower.split("[^\\p{L}\\p{N}]+")));
    for (String w : nameWords) {
      boolean phrase = w.chars().anyMatch(c -> !Character.isLetterOrDigit(c));
      if (phrase ? lower.contains(w) : tokens.contains(w)) {
        return null;
      }
    }
    return text;
  }
}
