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
 * Finds a patient's intensive care stays among their Encounter facts. An encounter is one when
 * its service type is a Fachabteilungsschlüssel 36xx (Intensivmedizin), its contact type
 * (Kontaktart) is {@code intensivstationaer}, or it carries an HL7 v3 RoleCode of an intensive care
 * unit ({@code ICU}, {@code PEDICU}, {@code PEDNICU}) as a code or attribute. Else each of its
 * {@code location} entries that references a Location typed as an intensive care unit (such a
 * RoleCode or a Fachabteilungsschlüssel 36xx) is a stay over that entry's period (the encounter's
 * when the entry has none; an open end runs to the encounter's end). A reference to a Location
 * that is not known marks nothing. Stays of one patient that overlap are one stay (a department
 * contact inside a facility contact both marked ICU). A stay without an end ends at the patient's
 * latest fact after its start, at least one hour after it. Stateless.
 */
public final class IcuStays {

  static final String DEPARTMENT_KEY = "http://fhir.de/CodeSystem/dkgev/Fachabteilungsschluessel";
  static final String ROLE_CODE = "http://terminology.hl7.org/CodeSystem/v3-RoleCode";
  /** The system of an Encounter fact that stands for one of its location entries. */
  static final String REFERENCE = "urn:datenraum:reference";
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
      encounter(p, e.getKey(), e.getValue(), found);
    }
    found.sort(Comparator.comparing(IcuStay::start));
    return merged(found);
  }

  private static void encounter(PatientFacts p, String id, List<Fact> facts, List<IcuStay> out) {
    Fact first = facts.stream().filter(f -> !isLocation(f)).findFirst().orElse(facts.get(0));
    if (cancelled(first.status())) {
      return;
    }
    Instant end = first.end() != null || first.start() == null ? first.end()
        : latestAfter(p, first.start());
    if (!isLocation(first) && first.start() != null && isIcu(facts)) {
      out.add(new IcuStay(p, id, first.start(), end));
      return;
    }
    int n = 0;
    for (Fact f : facts) {
      if (isLocation(f) && f.start() != null && isIcuLocation(p.locations().get(f.code().code()))) {
        Instant until = f.end() != null ? f.end()
            : end != null && end.isAfter(f.start()) ? end : latestAfter(p, f.start());
        if (until.isBefore(f.start())) {
          continue;
        }
        out.add(new IcuStay(p, id, f.start(), until, n == 0 ? id : id + "/" + n));
        n++;
      }
    }
  }

  private static boolean isLocation(Fact f) {
    return f.code().system().equals(REFERENCE) && f.code().code().startsWith("Location/");
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
        if (a.key().equals("serviceType") && isDepartment(a.value()) || isIcuCode(a.value())) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether a Location's type codes name an intensive care unit. */
  static boolean isIcuLocation(List<Coding> types) {
    if (types == null) {
      return false;
    }
    for (Coding c : types) {
      if (isIcuCode(c) || isDepartment(c)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isDepartment(Coding c) {
    return c.system().startsWith(DEPARTMENT_KEY) && c.code().startsWith("36");
  }

  private static boolean isIcuCode(Coding c) {
    return c.code().equals("intensivstationaer") && c.system().contains("kontaktart")
        || c.system().equals(ROLE_CODE) && (c.code().equals("ICU") || c.code().equals("PEDICU")
            || c.code().equals("PEDNICU"));
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
        out.set(out.size() - 1,
            new IcuStay(last.patient(), last.encounter(), last.start(), end, last.id()));
      } else {
        out.add(s);
      }
    }
    return out;
  }
}
