package org.datenraum.ingest.cda.internal;

import static org.datenraum.ingest.cda.internal.Dom.attr;
import static org.datenraum.ingest.cda.internal.Dom.child;
import static org.datenraum.ingest.cda.internal.Dom.children;
import static org.datenraum.ingest.cda.internal.Dom.path;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.datenraum.ingest.cda.internal.EdDocument.Code;
import org.datenraum.ingest.cda.internal.EdDocument.Entry;
import org.datenraum.ingest.cda.internal.EdDocument.Flag;
import org.datenraum.ingest.cda.internal.EdDocument.Header;
import org.datenraum.ingest.cda.internal.EdDocument.Id;
import org.datenraum.ingest.cda.internal.EdDocument.Kind;
import org.datenraum.ingest.cda.internal.EdDocument.Timed;
import org.w3c.dom.Element;

/**
 * Reads an emergency department CDA document (AKTIN Basismodul v2 or the 2026 transition
 * version) into an {@link EdDocument}: the header from its fixed places, the body's statements
 * by their codes and code systems, which both template versions share. Stateless.
 */
public final class CdaReader {

  static final String DISCHARGE_OID = "1.2.276.0.76.3.1.195.5.56";

  private CdaReader() {}

  public static EdDocument read(Element root, Set<String> supportedTemplates) {
    List<Entry> entries = new ArrayList<>();
    Element body = path(root, "component", "structuredBody");
    if (body != null) {
      new BodyWalker(entries).walk(body, null);
    }
    return new EdDocument(header(root, supportedTemplates), entries);
  }

  private static Header header(Element root, Set<String> supported) {
    String template = null;
    for (Element t : children(root, "templateId")) {
      String r = attr(t, "root");
      if (r != null && (template == null || (supported.contains(r) && !supported.contains(template)))) {
        template = r;
      }
    }
    Element role = path(root, "recordTarget", "patientRole");
    Element patient = child(role, "patient");
    Element enc = path(root, "componentOf", "encompassingEncounter");
    Element time = child(enc, "effectiveTime");
    Element event = path(root, "documentationOf", "serviceEvent");
    Element physician = null;
    for (Element p : children(event, "performer")) {
      if (physician == null && path(p, "time", "low") != null) {
        physician = path(p, "time", "low");
      }
    }
    Element disposition = child(enc, "dischargeDispositionCode");
    return new Header(template, id(child(role, "id")),
        attr(child(patient, "administrativeGenderCode"), "code"),
        date(attr(child(patient, "birthTime"), "value")), id(child(enc, "id")),
        timed(child(time, "low") != null ? child(time, "low") : time), timed(child(time, "high")),
        disposition == null || attr(disposition, "code") == null ? null
            : code(disposition, DISCHARGE_OID),
        timed(physician), timed(path(event, "effectiveTime", "low")));
  }

  static Id id(Element e) {
    return e == null ? null : new Id(attr(e, "root"), attr(e, "extension"), Dom.xpath(e));
  }

  /** The element's {@code value} as a time, or null when the element or its value is missing. */
  static Timed timed(Element e) {
    String v = attr(e, "value");
    return v == null ? null : new Timed(v, CdaTime.parse(v), Dom.xpath(e, "value"));
  }

  /** The coded attributes of an element, the code system defaulting to {@code system}. */
  static Code code(Element e, String system) {
    if (e == null) {
      return null;
    }
    String code = attr(e, "code");
    if (code == null) {
      String nf = attr(e, "nullFlavor");
      return nf == null ? null : new Code("2.16.840.1.113883.5.1008", nf, null, Dom.xpath(e));
    }
    String cs = attr(e, "codeSystem");
    return new Code(cs == null ? system : cs, code, attr(e, "codeSystemName"), Dom.xpath(e));
  }

  private static LocalDate date(String ts) {
    if (ts == null || ts.length() < 8) {
      return null;
    }
    try {
      return LocalDate.parse(ts.substring(0, 4) + "-" + ts.substring(4, 6) + "-" + ts.substring(6, 8));
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  static Entry entry(Kind kind, Code code, Code value, Timed time, boolean negated) {
    return new Entry(kind, code, value, null, time, negated ? Set.of(Flag.NEGATED) : Set.of());
  }
}
