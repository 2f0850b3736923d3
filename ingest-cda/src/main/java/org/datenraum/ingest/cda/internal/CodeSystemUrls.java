package org.datenraum.ingest.cda.internal;

import java.util.Map;
import java.util.regex.Pattern;
import org.datenraum.core.CodeSystems;

/**
 * The code system URL a fact carries for a CDA code system OID: the URL the FHIR ingest uses where
 * there is one, {@code urn:oid:OID} for other OIDs, and a value that is no OID unchanged (AKTIN's
 * wildcard templates allow local code systems). Stateless.
 */
public final class CodeSystemUrls {

  public static final String MTS = "http://aktin.org/fhir/CodeSystem/aktin-cs-manchestertriagesystem";
  public static final String ESI = "http://aktin.org/fhir/CodeSystem/aktin-cs-emergencyseverityindex";
  public static final String ICD10_WHO = "http://hl7.org/fhir/sid/icd-10";
  public static final String NULL_FLAVOR = "http://terminology.hl7.org/CodeSystem/v3-NullFlavor";

  static final String OID_CEDIS = "1.2.276.0.76.5.439";
  static final String OID_MTS = "1.2.276.0.76.5.438";
  static final String OID_ESI = "1.2.276.0.76.5.437";
  static final String OID_LOINC = "2.16.840.1.113883.6.1";
  static final String OID_SNOMED = "2.16.840.1.113883.6.96";

  private static final Map<String, String> KNOWN = Map.ofEntries(
      Map.entry(OID_LOINC, CodeSystems.LOINC),
      Map.entry(OID_SNOMED, CodeSystems.SNOMED),
      Map.entry(OID_CEDIS, CodeSystems.CEDIS),
      Map.entry(OID_MTS, MTS),
      Map.entry(OID_ESI, ESI),
      Map.entry("2.16.840.1.113883.6.3", ICD10_WHO),
      Map.entry("2.16.840.1.113883.6.73", CodeSystems.ATC_WHO),
      Map.entry("2.16.840.1.113883.6.8", CodeSystems.UCUM),
      Map.entry("2.16.840.1.113883.5.4", "http://terminology.hl7.org/CodeSystem/v3-ActCode"),
      Map.entry("2.16.840.1.113883.5.1008", NULL_FLAVOR),
      Map.entry("2.16.840.1.113883.5.111", "http://terminology.hl7.org/CodeSystem/v3-RoleCode"),
      Map.entry("2.16.840.1.113883.5.112", "http://terminology.hl7.org/CodeSystem/v3-RouteOfAdministration"));

  private static final Pattern OID = Pattern.compile("[0-2](\\.(0|[1-9]\\d*))+");

  private CodeSystemUrls() {}

  /** The URL for an OID (or other code system value). */
  public static String of(String system) {
    if (system == null) {
      return "";
    }
    String known = KNOWN.get(system);
    if (known != null) {
      return known;
    }
    return OID.matcher(system).matches() ? "urn:oid:" + system : system;
  }

  /** Whether the OID names a yearly ICD-10-GM version (the BfArM's {@code 1.2.276.0.76.5.*} OIDs) by its name or OID. */
  static boolean isIcd10Gm(String oid, String name) {
    return (name != null && name.toLowerCase(java.util.Locale.ROOT).startsWith("icd10gm"))
        || (oid != null && oid.startsWith("1.2.276.0.76.5.") && !KNOWN.containsKey(oid));
  }
}
