package org.datenraum.core;

/** Canonical URLs of the code systems Datenraum meets in German routine data. */
public final class CodeSystems {

  public static final String ICD10_GM = "http://fhir.de/CodeSystem/bfarm/icd-10-gm";
  public static final String OPS = "http://fhir.de/CodeSystem/bfarm/ops";
  public static final String ATC = "http://fhir.de/CodeSystem/bfarm/atc";
  public static final String ATC_WHO = "http://www.whocc.no/atc";
  public static final String LOINC = "http://loinc.org";
  public static final String SNOMED = "http://snomed.info/sct";
  public static final String UCUM = "http://unitsofmeasure.org";
  public static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
  public static final String CEDIS = "http://fhir.de/CodeSystem/dki/cedis";
  public static final String ADMINISTRATIVE_GENDER = "http://hl7.org/fhir/administrative-gender";

  private CodeSystems() {}
}
