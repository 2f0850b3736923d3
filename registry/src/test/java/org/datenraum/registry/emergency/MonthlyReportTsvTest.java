package org.datenraum.registry.emergency;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.datenraum.core.PatientRecord;
import org.datenraum.ingest.cda.CdaImport;
import org.datenraum.ingest.cda.InMemoryVisitStore;
import org.datenraum.privacy.KeyedPseudonymizer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * AKTIN's synthetic month (2,222 encounters) as CDA documents through the receiver, then the
 * monthly report; every figure is checked against the same figure computed here straight from the
 * table, under AKTIN's rules.
 */
class MonthlyReportTsvTest {

  private static final YearMonth MONTH = YearMonth.of(2015, 11);
  private static List<TsvEncounter> rows;
  private static MonthlyEmergencyReport report;

  @BeforeAll
  static void importTheMonth() throws Exception {
    rows = TsvEncounter.read();
    CdaImport receiver = CdaImport.of(KeyedPseudonymizer.of(new byte[32]));
    InMemoryVisitStore store = new InMemoryVisitStore();
    for (TsvEncounter e : rows) {
      int status = receiver.receive(e.encounter(), TsvDocuments.of(e).getBytes(StandardCharsets.UTF_8), store).status();
      assertEquals(201, status, "encounter " + e.encounter());
    }
    Map<String, PatientRecord> patients = store.patients().stream()
        .collect(Collectors.toMap(PatientRecord::pseudonym, p -> p));
    report = MonthlyReports.of(MONTH, store.facts().stream(), patients);
  }

  @Test
  void visitsSexAndAge() {
    assertEquals(2222, rows.size());
    assertEquals(rows.size(), report.population().visits());
    assertEquals(count(r -> r.sex().equals("M")), report.population().sex().count("male"));
    assertEquals(count(r -> r.sex().equals("F")), report.population().sex().count("female"));
    Map<String, Long> bands = group(r -> {
      int age = Period.between(r.birth(), r.admission().toLocalDate()).getYears();
      return age < 15 ? "0–14" : age >= 85 ? "85+" : (age - 5) / 10 * 10 + 5 + "–" + ((age - 5) / 10 * 10 + 14);
    });
    bands.forEach((band, n) -> assertEquals(n, report.population().age().count(band), band));
  }

  @Test
  void arrivalsPerDayWeekdayHourAndBoth() {
    group(r -> String.valueOf(r.admission().getDayOfMonth() - 1))
        .forEach((d, n) -> assertEquals(n, report.arrivals().perDay().count(d), "day " + d));
    group(r -> String.valueOf(r.admission().getDayOfWeek().getValue() - 1))
        .forEach((d, n) -> assertEquals(n, report.arrivals().perWeekday().count(d), "weekday " + d));
    group(r -> String.valueOf(r.admission().getHour()))
        .forEach((h, n) -> assertEquals(n, report.arrivals().perHour().count(h), "hour " + h));
    for (TsvEncounter r : rows.subList(0, 50)) {
      int wd = r.admission().getDayOfWeek().getValue() - 1;
      int h = r.admission().getHour();
      assertEquals(count(x -> x.admission().getDayOfWeek().getValue() - 1 == wd && x.admission().getHour() == h),
          report.arrivals().weekdayHour().get(wd).get(h));
    }
  }

  @Test
  void referralTransportTriageAndDisposition() {
    table(report.access().referral(), TsvEncounter::referral);
    table(report.access().transport(), TsvEncounter::transport);
    table(report.access().triage(), TsvEncounter::triage);
    table(report.outcomes().disposition(), TsvEncounter::disposition);
  }

  @Test
  void timeToTriageWithAktinsRules() {
    List<Long> kept = new ArrayList<>();
    long missing = 0;
    long leftOut = 0;
    for (TsvEncounter r : rows) {
      Long m = r.triage() == null ? null : minutes(r.admission(), r.triageTime());
      if (m == null) {
        missing++;
      } else if (m > 60) {
        leftOut++;
      } else {
        kept.add(m);
      }
    }
    TimeFigure t = report.times().triage();
    assertEquals(missing, t.bins().missing());
    assertEquals(leftOut, t.bins().leftOut());
    assertEquals(kept.size(), t.summary().n());
    assertEquals(kept.stream().filter(m -> m <= 10).count(), t.withinTarget());
    assertEquals(median(kept), t.summary().median(), 1e-9);
    assertEquals(kept.stream().mapToLong(x -> x).average().orElseThrow(), t.summary().mean(), 1e-9);
    assertEquals(kept.stream().filter(m -> m < 5).count(), t.bins().count("0"));
    assertEquals(kept.stream().filter(m -> m >= 55).count(), t.bins().count("11"));
  }

  @Test
  void timeToPhysicianOverallAndByTriageLevel() {
    Map<String, List<Long>> byLevel = new TreeMap<>();
    long missing = 0;
    long leftOut = 0;
    for (TsvEncounter r : rows) {
      Long m = minutes(r.admission(), r.physician());
      if (m == null) {
        missing++;
      } else if (m > 180) {
        leftOut++;
      } else {
        byLevel.computeIfAbsent(r.triage() == null ? "none" : r.triage(), k -> new ArrayList<>()).add(m);
      }
    }
    TimeFigure p = report.times().physician();
    assertEquals(missing, p.bins().missing());
    assertEquals(leftOut, p.bins().leftOut());
    List<Long> all = byLevel.values().stream().flatMap(List::stream).toList();
    assertEquals(median(all), p.summary().median(), 1e-9);
    byLevel.forEach((level, times) -> {
      assertEquals(times.size(), report.times().physicianByLevel().get(level).n(), level);
      assertEquals(median(times), report.times().physicianByLevel().get(level).median(), 1e-9, level);
    });
  }

  @Test
  void lengthOfStayAndPatientsPresent() {
    List<Long> stays = new ArrayList<>();
    long[] sum = new long[24];
    long[][] perDay = new long[30][24];
    for (TsvEncounter r : rows) {
      Long m = minutes(r.admission(), r.discharge());
      if (m == null) {
        continue;
      }
      stays.add(m);
      for (LocalDateTime t = r.admission().toLocalDate().atTime(r.admission().getHour(), 0); t.isBefore(r.discharge());
          t = t.plusHours(1)) {
        if (!t.isBefore(r.admission()) && YearMonth.from(t).equals(MONTH)) {
          sum[t.getHour()]++;
          perDay[t.getDayOfMonth() - 1][t.getHour()]++;
        }
      }
    }
    TimeFigure los = report.times().lengthOfStay();
    assertEquals(rows.size() - stays.size(), los.bins().missing());
    assertEquals(median(stays), los.summary().median(), 1e-9);
    assertEquals(Collections.max(stays), los.summary().max());
    for (int h = 0; h < 24; h++) {
      int hour = h;
      assertEquals(sum[h], report.times().presentSum().count(String.valueOf(h)), "present at " + h);
      long max = java.util.Arrays.stream(perDay).mapToLong(d -> d[hour]).max().orElseThrow();
      assertEquals(max, report.times().presentMax().count(String.valueOf(h)), "most present at " + h);
    }
  }

  @Test
  void topDiagnosesComplaintsAndGroups() throws Exception {
    top(report.outcomes().diagnoses(), r -> r.diagnosis() == null ? null : r.diagnosis().substring(0, 3));
    top(report.outcomes().complaints(), TsvEncounter::cedis);
    Map<String, String> groups = cedisGroups();
    top(report.outcomes().complaintGroups(), r -> r.cedis() == null ? null : groups.get(r.cedis()));
  }

  @Test
  void organismsAndIsolation() {
    assertEquals(count(r -> "MRSA".equals(r.pathogen())), report.outcomes().pathogens().count("MRSA"));
    assertEquals(count(r -> "AMRO:NEG".equals(r.pathogen())), report.outcomes().pathogens().count("keine"));
    assertEquals(count(r -> r.pathogen() == null), report.outcomes().pathogens().missing());
    group(r -> r.isolation() == null ? null : r.isolationReason())
        .forEach((reason, n) -> assertEquals(n, report.outcomes().isolation().count(reason), reason));
  }

  private static void table(Table t, Function<TsvEncounter, String> key) {
    assertEquals(count(r -> key.apply(r) == null), t.missing(), t.title());
    group(key).forEach((k, n) -> assertEquals(n, t.count(k), t.title() + " " + k));
    assertEquals(rows.size() - t.missing(), t.total(), t.title());
  }

  /** The 20 most frequent keys, ties by key, as the report defines its top lists. */
  private static void top(Table t, Function<TsvEncounter, String> key) {
    List<String> expected = group(key).entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(20).map(e -> e.getKey() + "=" + e.getValue()).toList();
    assertEquals(expected, t.rows().stream().map(r -> r.key() + "=" + r.count()).toList(), t.title());
  }

  /** CEDIS code → group, read from AKTIN's code system definition (groups precede their codes). */
  private static Map<String, String> cedisGroups() throws Exception {
    Map<String, String> out = new HashMap<>();
    String group = null;
    for (String line : Files.readAllLines(TestData.of("aktin/codes/aktin-cs-cedis30.fsh"))) {
      var m = java.util.regex.Pattern.compile("^\\* #(\\S+) \"").matcher(line);
      if (m.find()) {
        String code = m.group(1);
        if (Character.isDigit(code.charAt(0))) {
          out.put(code, group);
        } else {
          group = code;
        }
      }
    }
    return out;
  }

  private static Long minutes(LocalDateTime from, LocalDateTime to) {
    if (to == null) {
      return null;
    }
    long m = Duration.between(from, to).toMinutes();
    return m < 0 || m > 24 * 60 ? null : m;
  }

  private static double median(List<Long> values) {
    List<Long> s = new ArrayList<>(values);
    Collections.sort(s);
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2.0;
  }

  private static long count(Predicate<TsvEncounter> p) {
    return rows.stream().filter(p).count();
  }

  /** Counts per non-null key. */
  private static Map<String, Long> group(Function<TsvEncounter, String> key) {
    Map<String, Long> out = new LinkedHashMap<>();
    rows.forEach(r -> {
      String k = key.apply(r);
      if (k != null) {
        out.merge(k, 1L, Long::sum);
      }
    });
    return out;
  }
}
