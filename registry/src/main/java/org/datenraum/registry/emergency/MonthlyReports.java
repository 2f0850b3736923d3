package org.datenraum.registry.emergency;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.datenraum.core.Fact;
import org.datenraum.core.PatientRecord;
import org.datenraum.core.Cedis;

/**
 * The monthly report as functions over facts: visits admitted in the month (times as documented,
 * read in UTC), counted as AKTIN's monthly report counts them. Stateless.
 */
public final class MonthlyReports {

  /** Triage later than this after arrival is left out of the triage statistics. */
  public static final long TRIAGE_LIMIT = 60;
  /** Physician contact later than this after arrival is left out. */
  public static final long PHYSICIAN_LIMIT = 180;
  /** AKTIN's triage target. */
  public static final long TRIAGE_TARGET = 10;
  static final int TOP = 20;

  private MonthlyReports() {}

  /** The report of {@code month} over the facts and patients of a site. */
  public static MonthlyEmergencyReport of(YearMonth month, Stream<Fact> facts, Map<String, PatientRecord> patients) {
    return of(month, EmergencyVisits.of(facts, patients, month));
  }

  /** The report of {@code month} over its visits. */
  public static MonthlyEmergencyReport of(YearMonth month, List<EmergencyVisit> visits) {
    return new MonthlyEmergencyReport(month, population(visits), arrivals(month, visits), access(visits),
        times(month, visits), outcomes(visits));
  }

  private static MonthlyEmergencyReport.Population population(List<EmergencyVisit> v) {
    Map<String, String> bands = new LinkedHashMap<>();
    for (String b : AgeBands.LABELS) {
      bands.put(b, b);
    }
    return new MonthlyEmergencyReport.Population(v.size(),
        Tables.count("Geschlecht", v, x -> x.person().sex().code(), Labels.SEX),
        Tables.count("Alter (Jahre)", v, x -> AgeBands.of(x.person().age()), bands));
  }

  private static MonthlyEmergencyReport.Arrivals arrivals(YearMonth month, List<EmergencyVisit> v) {
    long[] days = new long[month.lengthOfMonth()];
    long[] weekdays = new long[7];
    long[] hours = new long[24];
    long[][] matrix = new long[7][24];
    for (EmergencyVisit x : v) {
      LocalDateTime t = LocalDateTime.ofInstant(x.times().admission(), ZoneOffset.UTC);
      days[t.getDayOfMonth() - 1]++;
      weekdays[t.getDayOfWeek().getValue() - 1]++;
      hours[t.getHour()]++;
      matrix[t.getDayOfWeek().getValue() - 1][t.getHour()]++;
    }
    List<List<Long>> grid = new ArrayList<>();
    for (long[] row : matrix) {
      grid.add(java.util.Arrays.stream(row).boxed().toList());
    }
    String[] wd = Labels.WEEKDAYS.values().toArray(String[]::new);
    return new MonthlyEmergencyReport.Arrivals(
        Tables.numbered("Fälle pro Tag", days, i -> month.atDay(i + 1).toString(), 0, 0),
        Tables.numbered("Fälle pro Wochentag", weekdays, i -> wd[i], 0, 0),
        Tables.numbered("Fälle pro Stunde", hours, i -> String.format("%02d", i), 0, 0), grid);
  }

  private static MonthlyEmergencyReport.Access access(List<EmergencyVisit> v) {
    return new MonthlyEmergencyReport.Access(
        Tables.count("Zuweisung", v, x -> x.codes().referral(), Labels.REFERRAL),
        Tables.count("Transportmittel", v, x -> x.codes().transport(), Labels.TRANSPORT),
        Tables.count("Triage", v, x -> x.triage() == null ? null : String.valueOf(x.triage().level()), Labels.TRIAGE));
  }

  private static MonthlyEmergencyReport.Times times(YearMonth month, List<EmergencyVisit> v) {
    TimeFigure triage = TimeFigures.of("Zeit bis Triage (Minuten)", v, x -> x.times().triage(), TRIAGE_LIMIT, 5,
        TRIAGE_TARGET);
    TimeFigure physician = TimeFigures.of("Zeit bis Arztkontakt (Minuten)", v, x -> x.times().physician(),
        PHYSICIAN_LIMIT, 10, -1);
    Map<String, TimeFigure.Summary> byLevel = new LinkedHashMap<>();
    for (String level : new String[] {"1", "2", "3", "4", "5", "none"}) {
      List<Long> kept = new ArrayList<>();
      for (EmergencyVisit x : v) {
        String l = x.triage() == null ? "none" : String.valueOf(x.triage().level());
        Long m = TimeFigures.minutes(x.times().admission(), x.times().physician());
        if (l.equals(level) && m != null && m <= PHYSICIAN_LIMIT) {
          kept.add(m);
        }
      }
      byLevel.put(level, TimeFigures.summary(kept));
    }
    TimeFigure stay = TimeFigures.of("Aufenthaltsdauer (Minuten)", v, x -> x.times().discharge(),
        TimeFigures.DAY, 60, -1);
    Present present = Present.of(month, v);
    return new MonthlyEmergencyReport.Times(triage, physician, byLevel, stay, present.sum(), present.max());
  }

  private static MonthlyEmergencyReport.Outcomes outcomes(List<EmergencyVisit> v) {
    Cedis cedis = Cedis.list();
    return new MonthlyEmergencyReport.Outcomes(
        Tables.count("Entlassung und Verlegung", v, x -> x.codes().disposition(), Labels.DISPOSITION),
        Tables.top("Führende Diagnosen (ICD-10, dreistellig)", v, x -> x.codes().diagnosis() == null ? List.of()
            : List.of(x.codes().diagnosis().substring(0, Math.min(3, x.codes().diagnosis().length()))), k -> k, TOP),
        Tables.top("CEDIS-Vorstellungsgründe", v, x -> x.codes().complaint() == null ? List.of()
            : List.of(x.codes().complaint()), k -> cedis.code(k) == null ? k : cedis.code(k).name(), TOP),
        Tables.top("CEDIS-Gruppen", v, x -> group(cedis, x.codes().complaint()),
            k -> cedis.groupName(k) == null ? k : cedis.groupName(k), TOP),
        Tables.top("Multiresistente Erreger", v, x -> x.hygiene().noPathogen() && x.hygiene().pathogens().isEmpty()
            ? List.of("keine") : x.hygiene().pathogens(), k -> k, TOP),
        Tables.top("Isolation: Gründe", v, x -> x.hygiene().isolated() ? x.hygiene().reasons() : List.of(),
            k -> Labels.ISOLATION_REASONS.getOrDefault(k, k), TOP));
  }

  /** The complaint's CEDIS group, none for codes in no group (unknown, other). */
  private static List<String> group(Cedis cedis, String complaint) {
    Cedis.Entry e = cedis.code(complaint);
    return e == null || e.group().isEmpty() ? List.of() : List.of(e.group());
  }

  /** Patients present at each full hour: admitted at or before it, discharged after it. */
  private record Present(Table sum, Table max) {
    static Present of(YearMonth month, List<EmergencyVisit> v) {
      long[][] perDay = new long[month.lengthOfMonth()][24];
      long leftOut = 0;
      for (EmergencyVisit x : v) {
        Long stay = TimeFigures.minutes(x.times().admission(), x.times().discharge());
        if (stay == null) {
          leftOut++;
          continue;
        }
        Instant in = x.times().admission();
        Instant out = x.times().discharge();
        LocalDateTime hour = LocalDateTime.ofInstant(in, ZoneOffset.UTC).withMinute(0).withSecond(0).withNano(0);
        if (hour.toInstant(ZoneOffset.UTC).isBefore(in)) {
          hour = hour.plusHours(1);
        }
        for (; hour.toInstant(ZoneOffset.UTC).isBefore(out); hour = hour.plusHours(1)) {
          LocalDate day = hour.toLocalDate();
          if (YearMonth.from(day).equals(month)) {
            perDay[day.getDayOfMonth() - 1][hour.getHour()]++;
          }
        }
      }
      long[] sum = new long[24];
      long[] max = new long[24];
      for (long[] day : perDay) {
        for (int h = 0; h < 24; h++) {
          sum[h] += day[h];
          max[h] = Math.max(max[h], day[h]);
        }
      }
      return new Present(
          Tables.numbered("Anwesende Patienten (Summe über die Tage)", sum, i -> String.format("%02d:00", i), leftOut, 0),
          Tables.numbered("Anwesende Patienten (Maximum)", max, i -> String.format("%02d:00", i), leftOut, 0));
    }
  }
}
