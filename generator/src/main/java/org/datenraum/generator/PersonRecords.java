package org.datenraum.generator;

import org.datenraum.generator.PatientContext.ConsentState;
import org.datenraum.generator.Vocabulary.City;

/** Writes a patient's Patient and Consent resources, with fake but realistic identifying data. */
final class PersonRecords {

  private static final String[][] MODULES = {
    {"2.16.840.1.113883.3.1937.777.24.5.3.6", "MDAT erheben"},
    {"2.16.840.1.113883.3.1937.777.24.5.3.7", "MDAT speichern, verarbeiten"},
    {"2.16.840.1.113883.3.1937.777.24.5.3.8", "MDAT wissenschaftlich nutzen"},
    {"2.16.840.1.113883.3.1937.777.24.5.3.9", "MDAT zusammenfuehren Dritte"},
    {"2.16.840.1.113883.3.1937.777.24.5.3.19", "BIOMAT erheben"},
    {"2.16.840.1.113883.3.1937.777.24.5.3.20", "BIOMAT lagern verarbeiten"},
    {"2.16.840.1.113883.3.1937.777.24.5.3.22", "BIOMAT wissenschaftlich nutzen"},
  };
  private static final int DATA_MODULES = 4;

  private PersonRecords() {}

  static void patient(PatientContext p) {
    FhirOut o = p.out(ResourceType.Patient).begin("Patient", p.id, Profiles.PATIENT);
    o.array("identifier");
    o.open(null).sym("use", "usual");
    o.concept("type", Profiles.V2_0203, "MR", null);
    o.sym("system", p.site.system("patienten-id")).str("value", Long.toString(10_000_000 + p.index));
    o.close();
    o.open(null).sym("use", "official");
    o.concept("type", "http://fhir.de/CodeSystem/identifier-type-de-basis", "KVZ10", null);
    o.sym("system", "http://fhir.de/sid/gkv/kvid-10").str("value", insuranceNumber(p));
    o.close();
    o.closeArray();
    o.array("name").open(null).sym("use", "official");
    o.sym("family", pick(p, p.vocab.surnames));
    o.array("given");
    given(o, pick(p, p.male ? p.vocab.maleNames : p.vocab.femaleNames));
    o.closeArray().close().closeArray();
    o.sym("gender", p.male ? "male" : "female");
    o.date("birthDate", p.birthDay);
    if (p.dead()) {
      o.dateTime("deceasedDateTime", p.deathTime);
    }
    City city = p.rng.nextDouble() < 0.7 ? p.vocab.cities.get(p.site.homeCity)
        : p.vocab.cities.get(p.rng.nextInt(p.vocab.cities.size()));
    o.array("address").open(null).sym("type", "both");
    o.array("line");
    given(o, pick(p, p.vocab.streets) + " " + (1 + p.rng.nextInt(120)));
    o.closeArray();
    o.sym("city", city.name()).sym("postalCode", city.postalCode()).sym("country", "DE");
    o.close().closeArray();
    o.end();
  }

  private static void given(FhirOut o, String s) {
    try {
      o.json().writeString(s);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String pick(PatientContext p, java.util.List<String> list) {
    return list.get(p.rng.nextInt(list.size()));
  }

  private static String insuranceNumber(PatientContext p) {
    char letter = (char) ('A' + p.rng.nextInt(26));
    return letter + String.format("%09d", p.rng.nextInt(1_000_000_000));
  }

  /** The MII broad consent, signed at the first contact; none when the patient was not asked. */
  static void consent(PatientContext p) {
    if (p.consent == ConsentState.NOT_ASKED || p.firstContact == Long.MAX_VALUE) {
      return;
    }
    long signed = p.firstContact + 3600;
    long day = BerlinTime.localDay(signed);
    FhirOut o = p.out(ResourceType.Consent).begin("Consent", p.nextId(), Profiles.CONSENT);
    o.sym("status", "active");
    o.concept("scope", "http://terminology.hl7.org/CodeSystem/consentscope", "research", null);
    o.concepts("category", Profiles.LOINC, "57016-8", "Privacy policy acknowledgment Document");
    o.ref("patient", "Patient", p.id);
    o.dateTime("dateTime", signed);
    o.array("policy").open(null).sym("uri", "urn:oid:2.16.840.1.113883.3.1937.777.24.2.1791")
        .close().closeArray();
    o.open("provision").sym("type", "deny");
    period(o, day);
    o.array("provision");
    for (int i = 0; i < MODULES.length; i++) {
      boolean permit = p.consent == ConsentState.RESEARCH_ALL
          || p.consent == ConsentState.DATA_ONLY && i < DATA_MODULES;
      o.open(null).sym("type", permit ? "permit" : "deny");
      period(o, day);
      o.concepts("code", Profiles.CONSENT_POLICY, MODULES[i][0], MODULES[i][1]);
      o.close();
    }
    o.closeArray().close();
    o.end();
  }

  private static void period(FhirOut o, long day) {
    o.open("period").date("start", day).date("end", day + 30 * 365 + 7).close();
  }
}
