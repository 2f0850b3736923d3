package org.datenraum.registry.icu;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.datenraum.core.Attribute;
import org.datenraum.core.Coding;
import org.datenraum.core.Fact;

/**
 * Finds a patient's intensive care stays among their Encounter facts: an encounter is one when
 * its service type is a Fachabteilungsschlüssel 36xx (Intensivmedizin), its contact type
 * (Kontaktart) is {@code intensivstationaer}, or it carries the HL7 v3 RoleCode {@code ICU} or
 * {@code PEDICU} (location type) as a code or attribute. Stays of one patient that overlap are one
 * stay (a department contact inside a facility contact both marked ICU). A stay without an end
 * ends at the patient's latest fact after its start, at least one hour after it. Stateless.
 */
public final class IcuStays {

  static final String DEPARTMENT_KEY = "http://fhir.de/CodeSystem/dkgev/Fachabteilungsschluessel";
  static final String ROLE_CODE = "http://terminology.hl7.org/CodeSystem/v3-RoleCode";
  private static final long HOUR = 3600;

  private IcuStays() {}

  /** The patient's ICU stays, by start. */
  public static List<IcuStay> of(PatientFacts p) {
    Map<String, List<Fact>> byEncounter = new LinkedHashMap<>();
    for (Fact f : p.facts()) {
      if (f.resourceType().equals("Encounter")) {
        String key = f.encounter() != null ? f.encounter() : f.resourceId();
        byEncounter.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
      }
    }
    List<IcuStay> found = new ArrayList<>();
    for (Map.Entry<String, List<Fact>> e : byEncounter.entrySet()) {
      Fact first = e.getValue().get(0);
      if (first.start() == null || !isIcu(e.getValue()) || cancelled(first.status())) {
        continue;
      }
      Instant end = first.end() != null ? first.end() : latestAfter(p, first.start());
      found.add(new IcuStay(p, e.getKey(), first.start(), end));
    }
    found.sort(Comparator.comparing(IcuStay::start));
    return merged(found);
  }

  private static boolean cancelled(String status) {
    return "cancelled".equals(status) || "entered-in-error".equals(status);
  }

  static boolean isIcu(List<Fact> encounterFacts) {
    for (Fact f : encounterFacts) {
      if (isIcuCode(f.code())) {
        return true;
      }
      for (Attribute a : f.attributes()) {
        if (a.key().equals("serviceType") && a.value().system().startsWith(DEPARTMENT_KEY)
            && a.value().code().startsWith("36") || isIcuCode(a.value())) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isIcuCode(Coding c) {
    return c.code().equals("intensivstationaer") && c.system().contains("kontaktart")
        || c.system().equals(ROLE_CODE) && (c.code().equals("ICU") || c.code().equals("PEDICU"));
  }

  private static Instant latestAfter(PatientFacts p, Instant start) {
    Instant latest = start.plusSeconds(HOUR);
    for (Fact f : p.facts()) {
      Instant t = f.end() != null ? f.end() : f.start();
      if (t != null && t.isAfter(latest)) {
        latest = t;
      }
    }
    return latest;
  }

  private static List<IcuStay> merged(List<IcuStay> sorted) {
    List<IcuStay> out = new ArrayList<>();
    for (IcuStay s : sorted) {
      IcuStay last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null && s.start().isBefore(last.end())) {
        Instant end = s.end().isAfter(last.end()) ? s.end() : last.end();
        out.set(out.size() - 1, new IcuStay(last.patient(), last.encounter(), last.start(), end));
      } else {
        out.add(s);
      }
    }
    return out;
  }
}
