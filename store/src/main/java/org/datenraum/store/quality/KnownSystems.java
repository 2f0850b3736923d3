package org.datenraum.store.quality;

import java.util.Set;
import org.datenraum.core.CodeSystems;
import org.datenraum.core.ImagingCodes;
import org.datenraum.core.SampleKinds;

/**
 * The code systems a site's facts are expected in: those of German routine data that the term
 * mapping and the registries read (ICD-10-GM, OPS, ATC, LOINC, SNOMED CT, UCUM, CEDIS, the MII
 * broad consent, the Manchester Triage System, the German department and contact codes, HL7's
 * encounter classes and the role codes that mark intensive care units), and the systems Datenraum's own ingests write: DICOM's terminology and
 * RadLex (DICOM ingest), the imaging findings, header attributes and biomarkers
 * ({@link ImagingCodes}), the sample locator's sample kinds, the emergency department's times, the
 * Emergency Severity Index, the WHO's ICD-10 and the AKTIN value sets the CDA import writes as
 * {@code urn:oid:}. A fact coded elsewhere is counted by data quality; it is not an error.
 */
public final class KnownSystems {

  /** The default set. */
  public static final Set<String> DEFAULT = Set.of(CodeSystems.ICD10_GM, CodeSystems.OPS, CodeSystems.ATC,
      CodeSystems.ATC_WHO, CodeSystems.LOINC, CodeSystems.SNOMED, CodeSystems.UCUM, CodeSystems.RXNORM,
      CodeSystems.CEDIS, CodeSystems.ADMINISTRATIVE_GENDER,
      "urn:oid:2.16.840.1.113883.3.1937.777.24.5.3",
      "http://aktin.org/fhir/CodeSystem/aktin-cs-manchestertriagesystem",
      "http://aktin.org/fhir/CodeSystem/aktin-cs-emergencyseverityindex",
      "http://fhir.de/CodeSystem/dkgev/Fachabteilungsschluessel",
      "http://fhir.de/CodeSystem/kontaktart-de",
      "http://fhir.de/CodeSystem/Kontaktebene",
      "http://terminology.hl7.org/CodeSystem/v3-ActCode",
      "http://terminology.hl7.org/CodeSystem/v3-RoleCode",
      "http://terminology.hl7.org/CodeSystem/observation-category",
      "http://hl7.org/fhir/sid/icd-10",
      ImagingCodes.DCM, ImagingCodes.FINDING, ImagingCodes.DICOM_ATTRIBUTE, ImagingCodes.BIOMARKER,
      "http://radlex.org",
      SampleKinds.SYSTEM,
      "urn:datenraum:ed",
      "urn:oid:1.2.276.0.76.5.441",
      "urn:oid:1.2.276.0.76.3.1.195.5.56",
      "urn:oid:1.2.276.0.76.3.1.195.5.53",
      "urn:oid:1.2.276.0.76.3.1.195.5.54");

  private KnownSystems() {}
}
