package org.datenraum.app.bench;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

/**
 * Synthetic AKTIN Basismodul v2 documents for benchmarks: one visit each, admitted in a given
 * month, with transport, referral, complaint, MTS triage, vital signs, a leading diagnosis,
 * physician contact and discharge, drawn from a seeded generator. Not thread-safe.
 */
public final class SyntheticEdDocuments {

  private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyyMMddHHmm");
  private static final String LOINC = "2.16.840.1.113883.6.1";
  private static final String[] CEDIS = {"003", "004", "006", "007", "008", "010", "251", "254", "257", "401",
      "403", "404", "405", "406", "408", "409", "551", "552", "554", "555", "556", "557", "651", "702", "999"};
  private static final String[] ICD = {"R07.4", "I10.01", "R55", "S52.6", "S82.11", "K29.1", "R10.4", "J18.9",
      "J06.9", "I50.13", "N39.0", "S06.0", "G45.82", "R51", "A09.0", "I48.0", "J44.19", "M54.5", "T78.3", "U07.1"};
  private static final String[] REFERRAL = {"VAP", "RD", "NA", "NPHYS", "KVNPIK", "KLINV"};
  private static final String[] DISCHARGE = {"1", "2", "3", "4", "4", "4", "5", "6"};

  private final SplittableRandom random;
  private final YearMonth month;

  public SyntheticEdDocuments(long seed, YearMonth month) {
    this.random = new SplittableRandom(seed);
    this.month = month;
  }

  /** The document of visit number {@code n}. */
  public String next(int n) {
    LocalDateTime in = month.atDay(1 + random.nextInt(month.lengthOfMonth())).atTime(random.nextInt(24), random.nextInt(60));
    LocalDateTime triage = in.plusMinutes(random.nextInt(40));
    LocalDateTime physician = in.plusMinutes(5 + random.nextInt(200));
    LocalDateTime out = physician.plusMinutes(20 + random.nextInt(400));
    String body = section("11459-5", "<observation classCode=\"OBS\" moodCode=\"EVN\">" + code("11459-5", LOINC)
        + "<statusCode code=\"completed\"/><value xsi:type=\"CV\" code=\"" + (1 + random.nextInt(4))
        + "\" codeSystem=\"1.2.276.0.76.3.1.195.5.41\"/></observation>")
        + section("11293-8", "<act classCode=\"PCPR\" moodCode=\"RQO\">" + code("11293-8", LOINC)
        + "<participant typeCode=\"AUT\"><participantRole classCode=\"AGNT\">"
        + code(pick(REFERRAL), "1.2.276.0.76.5.440") + "</participantRole></participant></act>")
        + section("46239-0", concern("<observation classCode=\"OBS\" moodCode=\"EVN\">" + code("75322-8", LOINC)
        + "<statusCode code=\"completed\"/><value xsi:type=\"CE\" code=\"" + pick(CEDIS)
        + "\" codeSystem=\"1.2.276.0.76.5.439\"/></observation>", ""))
        + section("11283-9", "<observation classCode=\"OBS\" moodCode=\"EVN\">" + code("11283-9", LOINC)
        + "<statusCode code=\"completed\"/><effectiveTime><low value=\"" + TS.format(triage) + "\"/></effectiveTime>"
        + "<value xsi:type=\"CE\" code=\"" + (1 + random.nextInt(5)) + "\" codeSystem=\"1.2.276.0.76.5.438\"/></observation>")
        + section("8716-3", vital("8867-4", 50 + random.nextInt(90), "/min", in) + "</entry><entry>"
        + vital("8480-6", 90 + random.nextInt(90), "mm[Hg]", in))
        + section("11301-9", concern("<observation classCode=\"OBS\" moodCode=\"EVN\">" + code("29308-4", LOINC)
        + "<statusCode code=\"completed\"/><value xsi:type=\"CD\" code=\"" + pick(ICD)
        + "\" codeSystem=\"1.2.276.0.76.5.424\" codeSystemName=\"icd10gm2015\"/></observation>",
        "<sequenceNumber value=\"1\"/>"));
    return header(n, in, physician, out) + "<component><structuredBody>" + body + "</structuredBody></component></ClinicalDocument>";
  }

  private String header(int n, LocalDateTime in, LocalDateTime physician, LocalDateTime out) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ClinicalDocument xmlns=\"urn:hl7-org:v3\""
        + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><realmCode code=\"DE\"/>"
        + "<typeId root=\"2.16.840.1.113883.1.3\" extension=\"POCD_HD000040\"/><templateId root=\"1.2.276.0.76.10.1019\"/>"
        + "<id root=\"1.2.276.0.76.4.17.1\" extension=\"d" + n + "\"/>" + code("68552-9", LOINC)
        + "<effectiveTime value=\"" + TS.format(out) + "\"/><confidentialityCode code=\"N\" codeSystem=\"2.16.840.1.113883.5.25\"/>"
        + "<recordTarget><patientRole><id root=\"1.2.276.0.76.4.8\" extension=\"p" + random.nextInt(Math.max(1, n + 1)) + "x"
        + n % 7 + "\"/><patient><administrativeGenderCode code=\"" + (random.nextBoolean() ? "M" : "F")
        + "\" codeSystem=\"2.16.840.1.113883.5.1\"/><birthTime value=\"" + (1925 + random.nextInt(99))
        + String.format("%02d", 1 + random.nextInt(12)) + "01\"/></patient></patientRole></recordTarget>"
        + "<author><time value=\"" + TS.format(out) + "\"/><assignedAuthor><id root=\"1.2.276.0.76.4.17\"/></assignedAuthor></author>"
        + "<custodian><assignedCustodian><representedCustodianOrganization><id root=\"1.2.276.0.76.4.17\" extension=\"1\"/>"
        + "</representedCustodianOrganization></assignedCustodian></custodian><documentationOf><serviceEvent>"
        + "<performer typeCode=\"PRF\"><time><low value=\"" + TS.format(physician) + "\"/></time><assignedEntity>"
        + "<id nullFlavor=\"NA\"/></assignedEntity></performer></serviceEvent></documentationOf>"
        + "<componentOf><encompassingEncounter><id root=\"1.2.276.0.76.3.87686\" extension=\"e" + n + "\"/>"
        + "<effectiveTime><low value=\"" + TS.format(in) + "\"/><high value=\"" + TS.format(out) + "\"/></effectiveTime>"
        + "<dischargeDispositionCode code=\"" + pick(DISCHARGE) + "\" codeSystem=\"1.2.276.0.76.3.1.195.5.56\"/>"
        + "</encompassingEncounter></componentOf>";
  }

  private static String vital(String loinc, int value, String unit, LocalDateTime at) {
    return "<observation classCode=\"OBS\" moodCode=\"EVN\">" + code(loinc, LOINC) + "<statusCode code=\"completed\"/>"
        + "<effectiveTime value=\"" + TS.format(at) + "\"/><value xsi:type=\"PQ\" value=\"" + value + "\" unit=\"" + unit
        + "\"/></observation>";
  }

  private static String concern(String observation, String sequence) {
    return "<act classCode=\"ACT\" moodCode=\"EVN\">" + code("CONC", "2.16.840.1.113883.5.6")
        + "<statusCode code=\"active\"/><entryRelationship typeCode=\"SUBJ\">" + sequence + observation
        + "</entryRelationship></act>";
  }

  private static String section(String code, String entry) {
    return "<component><section>" + code(code, LOINC) + "<entry>" + entry + "</entry></section></component>";
  }

  private static String code(String code, String system) {
    return "<code code=\"" + code + "\" codeSystem=\"" + system + "\"/>";
  }

  private String pick(String[] values) {
    return values[random.nextInt(values.length)];
  }
}
