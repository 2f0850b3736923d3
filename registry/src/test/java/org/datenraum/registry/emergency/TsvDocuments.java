package org.datenraum.registry.emergency;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** An AKTIN Basismodul v2 CDA document for one line of the encounter table. */
final class TsvDocuments {

  private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyyMMddHHmm");
  private static final String LOINC = "2.16.840.1.113883.6.1";

  private TsvDocuments() {}

  static String of(TsvEncounter e) {
    StringBuilder body = new StringBuilder();
    if (e.transport() != null) {
      String value = e.transport().equals("NA") ? "<value xsi:type=\"CV\" nullFlavor=\"NA\"/>"
          : "<value xsi:type=\"CV\" code=\"" + e.transport() + "\" codeSystem=\"1.2.276.0.76.3.1.195.5.41\"/>";
      body.append(section("11459-5", "Transportmittel", "<observation classCode=\"OBS\" moodCode=\"EVN\">"
          + code("11459-5", LOINC) + "<statusCode code=\"completed\"/>" + value + "</observation>"));
    }
    if (e.referral() != null) {
      body.append(section("11293-8", "Zuweisung", "<act classCode=\"PCPR\" moodCode=\"RQO\">" + code("11293-8", LOINC)
          + "<participant typeCode=\"AUT\"><participantRole classCode=\"AGNT\">"
          + code(e.referral(), "1.2.276.0.76.5.440") + "</participantRole></participant></act>"));
    }
    if (e.cedis() != null) {
      body.append(section("46239-0", "Beschwerden bei Vorstellung", concern("<observation classCode=\"OBS\" moodCode=\"EVN\">"
          + code("75322-8", LOINC) + "<statusCode code=\"completed\"/><value xsi:type=\"CE\" code=\"" + e.cedis()
          + "\" codeSystem=\"1.2.276.0.76.5.439\"/></observation>", null)));
    }
    if (e.triage() != null) {
      body.append(section("11283-9", "Ersteinschätzung", "<observation classCode=\"OBS\" moodCode=\"EVN\">"
          + code("11283-9", LOINC) + "<statusCode code=\"completed\"/>" + interval(e.triageTime(), null)
          + "<value xsi:type=\"CE\" code=\"" + e.triage() + "\" codeSystem=\"1.2.276.0.76.5.438\"/></observation>"));
    }
    if (e.pathogen() != null) {
      boolean none = e.pathogen().equals("AMRO:NEG");
      body.append(section("55752-0", "Klinische Informationen", concern("<observation classCode=\"OBS\" moodCode=\"EVN\""
          + (none ? " negationInd=\"true\"" : "") + ">" + code("COND", "2.16.840.1.113883.5.4")
          + "<statusCode code=\"completed\"/><value xsi:type=\"CD\" code=\"" + (none ? "AMRO" : e.pathogen())
          + "\" codeSystem=\"1.2.276.0.76.5.441\"/></observation>", null)));
    }
    if (e.isolation() != null) {
      String reason = e.isolationReason() == null ? "" : "<entryRelationship typeCode=\"RSON\">"
          + "<observation classCode=\"OBS\" moodCode=\"EVN\">" + code("44100-6", LOINC)
          + "<statusCode code=\"completed\"/><value xsi:type=\"CV\" code=\"" + e.isolationReason()
          + "\" codeSystem=\"2.16.840.1.113883.6.3\"/></observation></entryRelationship>";
      body.append(section("67781-5", "Prozeduren", "<act classCode=\"ACT\" moodCode=\"EVN\">"
          + code(e.isolation(), "1.2.276.0.76.3.1.195.5.54") + reason + "</act>"));
    }
    if (e.diagnosis() != null) {
      body.append(section("11301-9", "Abschlussdiagnosen", concern("<observation classCode=\"OBS\" moodCode=\"EVN\">"
          + code("29308-4", LOINC) + "<statusCode code=\"completed\"/><value xsi:type=\"CD\" code=\"" + e.diagnosis()
          + "\" codeSystem=\"1.2.276.0.76.5.424\" codeSystemName=\"icd10gm2015\"/></observation>", "1")));
    }
    if (e.disposition() != null && e.disposition().startsWith("TRANSFER:")) {
      body.append(section("67661-9", "Weiteres Procedere", "<encounter classCode=\"ENC\" moodCode=\"EVN\">"
          + code(e.disposition().substring(9), "1.2.276.0.76.3.1.195.5.53") + "</encounter>"));
    }
    return header(e) + "<component><structuredBody>" + body + "</structuredBody></component></ClinicalDocument>";
  }

  private static String header(TsvEncounter e) {
    String disposition = e.disposition() != null && e.disposition().startsWith("DISCHARGE:")
        ? "<dischargeDispositionCode code=\"" + e.disposition().substring(10) + "\" codeSystem=\"1.2.276.0.76.3.1.195.5.56\"/>"
        : "";
    String physician = e.physician() == null ? "" : "<performer typeCode=\"PRF\">" + interval(e.physician(), e.treatmentEnd())
        .replace("effectiveTime", "time") + "<assignedEntity><id nullFlavor=\"NA\"/></assignedEntity></performer>";
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<ClinicalDocument xmlns=\"urn:hl7-org:v3\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
        + "<realmCode code=\"DE\"/><typeId root=\"2.16.840.1.113883.1.3\" extension=\"POCD_HD000040\"/>"
        + "<templateId root=\"1.2.276.0.76.10.1019\"/><id root=\"1.2.276.0.76.4.17.1\" extension=\"doc-" + e.encounter() + "\"/>"
        + code("68552-9", LOINC) + "<effectiveTime value=\"" + TS.format(e.admission()) + "\"/>"
        + "<confidentialityCode code=\"N\" codeSystem=\"2.16.840.1.113883.5.25\"/>"
        + "<recordTarget><patientRole><id root=\"1.2.276.0.76.4.8\" extension=\"P" + e.patient() + "\"/>"
        + "<patient><administrativeGenderCode code=\"" + e.sex() + "\" codeSystem=\"2.16.840.1.113883.5.1\"/>"
        + "<birthTime value=\"" + e.birth().toString().replace("-", "") + "\"/></patient></patientRole></recordTarget>"
        + "<author><time value=\"" + TS.format(e.admission()) + "\"/><assignedAuthor><id root=\"1.2.276.0.76.4.17\"/>"
        + "</assignedAuthor></author><custodian><assignedCustodian><representedCustodianOrganization>"
        + "<id root=\"1.2.276.0.76.4.17\" extension=\"1\"/></representedCustodianOrganization></assignedCustodian></custodian>"
        + (physician.isEmpty() ? "" : "<documentationOf><serviceEvent>" + physician + "</serviceEvent></documentationOf>")
        + "<componentOf><encompassingEncounter><id root=\"1.2.276.0.76.3.87686\" extension=\"E" + e.encounter() + "\"/>"
        + interval(e.admission(), e.discharge()) + disposition + "</encompassingEncounter></componentOf>";
  }

  private static String interval(LocalDateTime low, LocalDateTime high) {
    return "<effectiveTime>" + (low == null ? "" : "<low value=\"" + TS.format(low) + "\"/>")
        + (high == null ? "" : "<high value=\"" + TS.format(high) + "\"/>") + "</effectiveTime>";
  }

  private static String concern(String observation, String sequence) {
    return "<act classCode=\"ACT\" moodCode=\"EVN\">" + code("CONC", "2.16.840.1.113883.5.6")
        + "<statusCode code=\"active\"/><entryRelationship typeCode=\"SUBJ\">"
        + (sequence == null ? "" : "<sequenceNumber value=\"" + sequence + "\"/>") + observation
        + "</entryRelationship></act>";
  }

  private static String section(String code, String title, String entry) {
    return "<component><section>" + code(code, LOINC) + "<title>" + title + "</title><entry>" + entry
        + "</entry></section></component>";
  }

  private static String code(String code, String system) {
    return "<code code=\"" + code + "\" codeSystem=\"" + system + "\"/>";
  }
}
