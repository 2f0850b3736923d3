package org.datenraum.ingest.cda.internal;

import static org.datenraum.ingest.cda.internal.Dom.attr;
import static org.datenraum.ingest.cda.internal.Dom.child;
import static org.datenraum.ingest.cda.internal.Dom.children;
import static org.datenraum.ingest.cda.internal.Dom.path;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.datenraum.ingest.cda.internal.EdDocument.Code;
import org.datenraum.ingest.cda.internal.EdDocument.Entry;
import org.datenraum.ingest.cda.internal.EdDocument.Flag;
import org.datenraum.ingest.cda.internal.EdDocument.Kind;
import org.datenraum.ingest.cda.internal.EdDocument.Qualifier;
import org.datenraum.ingest.cda.internal.EdDocument.Timed;
import org.w3c.dom.Element;

/**
 * The statements the 2026 transition version adds: medications (section 29549-3, a
 * {@code substanceAdministration} per drug with its ATC code, route and subordinate
 * administrations), the injury (act 74209-8 with cause of injury 69543-7 and its mechanism,
 * injury cause 11373-8, the vehicle as participant) and the cause of intoxication (88068-2).
 * Stateless.
 */
final class TransitionEntries {

  static final String MEDICATION_SECTION = "29549-3";
  private static final Set<String> INJURY = Set.of("69543-7", "11373-8");
  private static final String INTOXICATION = "88068-2";
  private static final String MECHANISM = "67496-0";

  private TransitionEntries() {}

  /** The entry of the statement, or null when it is none of these. */
  static Entry read(Element e, String section, Code code, Code value, boolean negated) {
    Set<Flag> flags = negated ? Set.of(Flag.NEGATED) : Set.of();
    if (MEDICATION_SECTION.equals(section) && "substanceAdministration".equals(e.getLocalName())
        && Dom.parent(e) != null && "entry".equals(Dom.parent(e).getLocalName())) {
      return medication(e, flags);
    }
    if (!"observation".equals(e.getLocalName()) || code == null || value == null
        || !CodeSystemUrls.OID_LOINC.equals(code.system())) {
      return null;
    }
    if (INJURY.contains(code.code())) {
      List<Qualifier> q = new ArrayList<>();
      for (Element qualifier : children(child(e, "value"), "qualifier")) {
        Code v = CdaReader.code(child(qualifier, "value"), null);
        if (MECHANISM.equals(attr(child(qualifier, "name"), "code")) && v != null) {
          q.add(new Qualifier("mechanism", v));
        }
      }
      Element event = Dom.parent(Dom.parent(e));
      for (Element p : children(event, "participant")) {
        Code device = CdaReader.code(path(p, "participantRole", "code"), null);
        if ("DEV".equals(attr(p, "typeCode")) && device != null) {
          q.add(new Qualifier("device", device));
        }
      }
      return new Entry(Kind.INJURY, code, value, null, BodyWalker.time(e), flags, null, q);
    }
    if (INTOXICATION.equals(code.code())) {
      return new Entry(Kind.INTOXICATION, code, value, null, BodyWalker.time(e), flags);
    }
    return null;
  }

  private static Entry medication(Element e, Set<Flag> flags) {
    Element material = path(e, "consumable", "manufacturedProduct", "manufacturedMaterial", "code");
    if (attr(material, "code") == null) {
      return null;
    }
    List<Qualifier> q = new ArrayList<>();
    Element route = child(e, "routeCode");
    if (attr(route, "code") != null) {
      q.add(new Qualifier("dosage.route", CdaReader.code(route, null)));
    }
    String status = attr(child(e, "statusCode"), "code");
    Timed time = null;
    for (Element rel : children(e, "entryRelationship")) {
      Element sub = child(rel, "substanceAdministration");
      if (status == null) {
        status = attr(child(sub, "statusCode"), "code");
      }
      if (time == null) {
        time = start(child(sub, "effectiveTime"));
      }
    }
    if (time == null) {
      time = start(child(e, "effectiveTime"));
    }
    return new Entry(Kind.MEDICATION, CdaReader.code(material, null), null, null, time, flags, status, q);
  }

  /**
   * When an administration's time starts: a point ({@code value}), an interval's {@code low}, a
   * periodic time's phase start, the first component of a set of times; null for a time without
   * a start (an event-related or institution-specified period, a null flavor).
   */
  private static Timed start(Element t) {
    if (t == null) {
      return null;
    }
    for (Element at : new Element[] {t, child(t, "low"), path(t, "phase", "low"), child(t, "comp"),
        path(t, "comp", "low")}) {
      Timed timed = CdaReader.timed(at);
      if (timed != null) {
        return timed;
      }
    }
    return null;
  }
}
