package org.datenraum.store.quality;

import java.util.Set;
import org.datenraum.core.CodeSystems;

/**
 * The code systems a site's facts are expected in: those of German routine data that the term
 * mapping and the registries read (ICD-10-GM, OPS, ATC, LOINC, SNOMED CT, UCUM, CEDIS, the MII
 * broad consent, the Manchester Triage System, the German department and contact codes, HL7's
 * encounter classes). A fact coded elsewhere is counted by data quality; it is not an error.
 */
public final class KnownSystems {

  /** The default set. */
  public static final Set<String> DEFAULT = Set.of(CodeSystems.ICD10_GM, CodeSystems.OPS, CodeSystems.ATC,
      CodeSystems.ATC_WHO, CodeSystems.LOINC, CodeSystems.SNOMED, CodeSystems.UCUM, CodeSystems.RXNORM,
      CodeSystems.CEDIS, CodeSystems.ADMINISTRATIVE_GENDER,
      "urn:oid:2.16.840.1.113883.3.1937.777.24.5.3",
      "http://aktin.org/fhir/CodeSystem/aktin-cs-manchestertriagesystem",
      "http://fhir.de/CodeSystem/dkgev/Fachabteilungsschluessel",
      "http://fhir.de/CodeSystem/kontaktart-de",
      "http://fhir.de/CodeSystem/Kontaktebene",
      "http://terminology.hl7.org/CodeSystem/v3-ActCode");

  private KnownSystems() {}
}
