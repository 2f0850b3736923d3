package org.datenraum.registry.emergency;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * One line of AKTIN's synthetic encounter table (the monthly report's test data, November 2015),
 * columns as in AKTIN's export: encounter, patient, admission, isolation, isolation reason,
 * referral, triage time, triage, physician, therapy, CEDIS, organisms, end of treatment,
 * discharge, transport, discharge disposition, leading diagnosis. Sex and birth date are not in
 * the table; the test assigns them from the patient number.
 */
record TsvEncounter(String encounter, String patient, LocalDateTime admission, String isolation,
    String isolationReason, String referral, LocalDateTime triageTime, String triage,
    LocalDateTime physician, String cedis, String pathogen, LocalDateTime treatmentEnd,
    LocalDateTime discharge, String transport, String disposition, String diagnosis) {

  private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  static List<TsvEncounter> read() throws IOException {
    return Files.readAllLines(TestData.of("aktin/encounters-2015-11-synthetic.tsv"), StandardCharsets.UTF_8)
        .stream().filter(l -> !l.isBlank()).map(TsvEncounter::parse).toList();
  }

  private static TsvEncounter parse(String line) {
    String[] f = line.split("\t", -1);
    return new TsvEncounter(f[1], f[2], time(f[3]), after(f[4], "AKTIN:ISOLATION:"),
        after(f[5], "AKTIN:ISOREASON:"), after(f[6], "AKTIN:REFERRAL:"), time(f[7]), after(f[8], "MTS:"),
        time(f[9]), after(f[11], "CEDIS30:"), after(f[12], "AKTIN:PATHOGENE:"), time(f[13]), time(f[14]),
        after(f[15], "AKTIN:TRANSPORT:"), after(f[16], "AKTIN:"), after(f[17], "ICD10GM:"));
  }

  /** Female for every third patient number, else male. */
  String sex() {
    return Integer.parseInt(patient) % 3 == 0 ? "F" : "M";
  }

  /** Born on the first of a month (the store keeps the month), 1 to 95 years before 2015. */
  LocalDate birth() {
    int n = Integer.parseInt(patient);
    return LocalDate.of(1920 + (n * 37) % 95, 1 + n % 12, 1);
  }

  private static LocalDateTime time(String s) {
    return s.isBlank() ? null : LocalDateTime.parse(s, TS);
  }

  private static String after(String s, String prefix) {
    if (s.isBlank()) {
      return null;
    }
    if (!s.startsWith(prefix)) {
      throw new IllegalArgumentException("expected `" + prefix + "...` but found `" + s + "`");
    }
    return s.substring(prefix.length());
  }
}
