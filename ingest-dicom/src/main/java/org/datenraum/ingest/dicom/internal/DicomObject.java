package org.datenraum.ingest.dicom.internal;

import static java.util.Objects.requireNonNull;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;

/**
 * A data set (or a sequence item) as read: elements by tag ({@code group << 16 | element}), with
 * the character set for its text. Immutable.
 */
public record DicomObject(Map<Integer, DicomElement> elements, Charset charset) {

  public DicomObject {
    elements = Map.copyOf(elements);
    requireNonNull(charset, "charset");
  }

  public DicomElement get(int tag) {
    return elements.get(tag);
  }

  /** The element's text, or null when absent; an empty value gives the empty string. */
  public String text(int tag) {
    DicomElement e = elements.get(tag);
    return e == null ? null : e.text(charset);
  }

  /** The element's text, or null when absent or empty. */
  public String nonEmpty(int tag) {
    String t = text(tag);
    return t == null || t.isEmpty() ? null : t;
  }

  /** The element's first number, or null when absent, empty or not a number. */
  public Double number(int tag) {
    DicomElement e = elements.get(tag);
    return e == null ? null : e.number(charset);
  }

  /** The items of a sequence element, empty when absent. */
  public List<DicomObject> items(int tag) {
    DicomElement e = elements.get(tag);
    return e == null ? List.of() : e.items();
  }

  /** The first item of a sequence element, or null. */
  public DicomObject first(int tag) {
    List<DicomObject> items = items(tag);
    return items.isEmpty() ? null : items.get(0);
  }

  @Override
  public String toString() {
    return "DicomObject[" + elements.size() + " elements]";
  }
}
