package org.datenraum.query.mapping;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Facts about code systems: which are hierarchical by prefix (a code's descendants are the codes
 * that start with it) and which URLs name the same system.
 */
final class Classifications {

  static final String ICD10_GM = "http://fhir.de/CodeSystem/bfarm/icd-10-gm";
  static final String ICD10_GM_DIMDI = "http://fhir.de/CodeSystem/dimdi/icd-10-gm";
  static final String OPS = "http://fhir.de/CodeSystem/bfarm/ops";
  static final String OPS_DIMDI = "http://fhir.de/CodeSystem/dimdi/ops";
  static final String ATC = "http://fhir.de/CodeSystem/bfarm/atc";
  static final String ATC_DIMDI = "http://fhir.de/CodeSystem/dimdi/atc";
  static final String ATC_WHO = "http://www.whocc.no/atc";

  private static final Map<String, List<String>> SAME_SYSTEM = Map.of(
      ICD10_GM, List.of(ICD10_GM, ICD10_GM_DIMDI),
      ICD10_GM_DIMDI, List.of(ICD10_GM, ICD10_GM_DIMDI),
      OPS, List.of(OPS, OPS_DIMDI),
      OPS_DIMDI, List.of(OPS, OPS_DIMDI),
      ATC, List.of(ATC, ATC_DIMDI, ATC_WHO),
      ATC_DIMDI, List.of(ATC, ATC_DIMDI, ATC_WHO),
      ATC_WHO, List.of(ATC, ATC_DIMDI, ATC_WHO));

  private static final Set<String> PREFIX_HIERARCHIES = Set.of(
      ICD10_GM, ICD10_GM_DIMDI, OPS, OPS_DIMDI, ATC, ATC_DIMDI, ATC_WHO,
      "http://hl7.org/fhir/sid/icd-10",
      "http://terminology.hl7.org/CodeSystem/icd-o-3",
      "http://hl7.org/fhir/sid/icd-o-3",
      "urn:oid:2.16.840.1.113883.6.43.1");

  private static final Set<String> TERMINOLOGIES = Set.of(
      "http://loinc.org", "http://snomed.info/sct", "http://unitsofmeasure.org");

  private Classifications() {}

  /** The system's URL and the URLs that name the same system. */
  static List<String> aliases(String system) {
    return SAME_SYSTEM.getOrDefault(system, List.of(system));
  }

  static boolean isPrefixHierarchy(String system) {
    return PREFIX_HIERARCHIES.contains(system);
  }

  /** Whether codes of the system name observations (so an attribute code may name a component). */
  static boolean isTerminology(String system) {
    return TERMINOLOGIES.contains(system);
  }
}
