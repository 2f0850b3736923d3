package org.datenraum.ingest.cda.internal;

import static org.datenraum.ingest.cda.internal.Dom.attr;
import static org.datenraum.ingest.cda.internal.Dom.child;
import static org.datenraum.ingest.cda.internal.Dom.children;
import static org.datenraum.ingest.cda.internal.Dom.path;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.datenraum.ingest.cda.internal.EdDocument.Code;
import org.datenraum.ingest.cda.internal.EdDocument.Entry;
import org.datenraum.ingest.cda.internal.EdDocument.Flag;
import org.datenraum.ingest.cda.internal.EdDocument.Kind;
import org.datenraum.ingest.cda.internal.EdDocument.Measure;
import org.datenraum.ingest.cda.internal.EdDocument.Timed;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Walks a CDA body and collects the statements the registry uses. Not thread-safe (one per document). */
final class BodyWalker {

  private static final Set<String> STATEMENTS =
      Set.of("observation", "act", "procedure", "encounter", "organizer", "substanceAdministration");
  private static final String VITALS = "8716-3";
  private static final String DIAGNOSTICS = "30954-2";
  private static final String DIAGNOSES = "11301-9";
  private static final Set<String> DIAGNOSIS_CODES = Set.of("29308-4", "75324-4");
  private static final String ISOLATION_OID = "1.2.276.0.76.3.1.195.5.54";
  private static final String ISOLATION_SNOMED = "40174006";
  private static final String PATHOGEN_OID = "1.2.276.0.76.5.441";
  private static final String MTS_SCORE = "1255867001";
  private static final String ESI_SCORE = "1292326000";
  private static final String TRANSFER_OID = "1.2.276.0.76.3.1.195.5.53";

  private final List<Entry> out;

  BodyWalker(List<Entry> out) {
    this.out = out;
  }

  void walk(Element e, String section) {
    String inSection = section;
    if ("section".equals(e.getLocalName())) {
      inSection = attr(child(e, "code"), "code");
    } else if (STATEMENTS.contains(e.getLocalName()) && Dom.HL7.equals(e.getNamespaceURI())) {
      statement(e, inSection);
    }
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element c) {
        walk(c, inSection);
      }
    }
  }

  private void statement(Element e, String section) {
    Code code = CdaReader.code(child(e, "code"), null);
    Element valueElement = child(e, "value");
    Code value = CdaReader.code(valueElement, null);
    boolean negated = "true".equals(attr(e, "negationInd"));
    String cs = code == null ? null : code.system();
    String vs = value == null ? null : value.system();
    String scale = triageScale(code, vs);
    Entry transition = TransitionEntries.read(e, section, code, value, negated);
    if (transition != null) {
      out.add(transition);
    } else if (scale != null && value != null) {
      add(Kind.TRIAGE, code, new Code(scale, value.code(), null, value.xpath()), time(e), negated);
    } else if (CodeSystemUrls.OID_CEDIS.equals(vs)) {
      add(Kind.COMPLAINT, code, value, time(e), negated);
    } else if (is(code, "11293-8")) {
      add(Kind.REFERRAL, code, CdaReader.code(path(e, "participant", "participantRole", "code"), null),
          time(e), negated);
    } else if (is(code, "11459-5") && "observation".equals(e.getLocalName())) {
      add(Kind.TRANSPORT, code, value, time(e), negated);
    } else if (DIAGNOSES.equals(section) && code != null && DIAGNOSIS_CODES.contains(code.code())
        && value != null) {
      diagnosis(e, code, value, negated);
    } else if (VITALS.equals(section) && "observation".equals(e.getLocalName())
        && valueElement != null && attr(valueElement, "value") != null) {
      vital(e, code, valueElement, negated);
    } else if (ISOLATION_OID.equals(cs) || (CodeSystemUrls.OID_SNOMED.equals(cs)
        && ISOLATION_SNOMED.equals(code.code()))) {
      add(Kind.ISOLATION, code, null, time(e), negated);
    } else if (is(code, "44100-6") && value != null) {
      add(Kind.ISOLATION_REASON, code, value, time(e), negated);
    } else if (PATHOGEN_OID.equals(vs) || pathogenQualifier(valueElement) != null) {
      Code pathogen = PATHOGEN_OID.equals(vs) ? value : pathogenQualifier(valueElement);
      add(Kind.PATHOGEN, pathogen, value, time(e), negated);
    } else if (TRANSFER_OID.equals(cs)) {
      add(Kind.TRANSFER, code, null, time(e), negated);
    } else if (DIAGNOSTICS.equals(section) && code != null && isEntry(e)) {
      add(Kind.DIAGNOSTIC, code, value, time(e), negated);
    }
  }

  private void diagnosis(Element e, Code code, Code value, boolean negated) {
    Element rel = Dom.parent(e);
    boolean leading = rel != null && "1".equals(attr(child(rel, "sequenceNumber"), "value"));
    Set<Flag> flags = EnumSet.noneOf(Flag.class);
    if (negated) {
      flags.add(Flag.NEGATED);
    }
    if (leading) {
      flags.add(Flag.LEADING);
    }
    out.add(new Entry(Kind.DIAGNOSIS, code, value, null, time(e), flags));
  }

  private void vital(Element e, Code code, Element valueElement, boolean negated) {
    try {
      double number = Double.parseDouble(attr(valueElement, "value"));
      out.add(new Entry(Kind.VITAL, code, null, new Measure(number, attr(valueElement, "unit")),
          time(e), negated ? Set.of(Flag.NEGATED) : Set.of()));
    } catch (NumberFormatException notANumber) {
      out.add(new Entry(Kind.VITAL, code, null, null, time(e), Set.of()));
    }
  }

  private void add(Kind kind, Code code, Code value, Timed time, boolean negated) {
    out.add(CdaReader.entry(kind, code, value, time, negated));
  }

  /** The element's own time (a point, or the start of an interval), else its nearest statement ancestor's. */
  static Timed time(Element e) {
    for (Element at = e; at != null; at = Dom.parent(at)) {
      Element t = child(at, "effectiveTime");
      Timed own = CdaReader.timed(t);
      if (own == null) {
        own = CdaReader.timed(child(t, "low"));
      }
      if (own == null && "observation".equals(at.getLocalName()) && at != e) {
        own = CdaReader.timed(child(child(t, "high") == null ? null : t, "high"));
      }
      if (own != null) {
        return own;
      }
      if ("section".equals(at.getLocalName())) {
        return null;
      }
    }
    return null;
  }

  /**
   * The triage scale's OID: by the score's SNOMED code where the 2026 version gives one (its ESI
   * score carries the value in varying code systems), else by the value's code system.
   */
  private static String triageScale(Code code, String valueSystem) {
    if (code != null && CodeSystemUrls.OID_SNOMED.equals(code.system())) {
      if (MTS_SCORE.equals(code.code())) {
        return CodeSystemUrls.OID_MTS;
      }
      if (ESI_SCORE.equals(code.code())) {
        return CodeSystemUrls.OID_ESI;
      }
    }
    return CodeSystemUrls.OID_MTS.equals(valueSystem) || CodeSystemUrls.OID_ESI.equals(valueSystem)
        ? valueSystem : null;
  }

  private static Code pathogenQualifier(Element value) {
    for (Element q : children(value, "qualifier")) {
      Code c = CdaReader.code(child(q, "value"), null);
      if (c != null && PATHOGEN_OID.equals(c.system())) {
        return c;
      }
    }
    return null;
  }

  private static boolean is(Code code, String loinc) {
    return code != null && loinc.equals(code.code()) && CodeSystemUrls.OID_LOINC.equals(code.system());
  }

  private static boolean isEntry(Element e) {
    Element parent = Dom.parent(e);
    return parent != null && "entry".equals(parent.getLocalName());
  }
}
