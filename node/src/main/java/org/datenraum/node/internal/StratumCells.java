package org.datenraum.node.internal;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.datenraum.core.PatientRecord;
import org.datenraum.core.Sex;
import org.datenraum.federation.v1.Stratum;
import org.datenraum.node.Cohort;

/**
 * The cells of a stratum and the cell of each patient. Every cell of the stratum's domain is
 * part of every answer, empty or not, so the cells present never tell whether a patient falls in
 * one: {@code sex} has every administrative-gender code; {@code age} the bands {@code 0-9} to
 * {@code 90-99}, {@code 100+} and {@code unknown}; {@code year} the 20 years up to the query
 * date's year, {@code earlier}, {@code later} and {@code unknown}. Stateless.
 */
final class StratumCells {

  static final int YEARS = 20;
  static final String UNKNOWN = "unknown";

  private StratumCells() {}

  /** The cells of the stratum in order. */
  static List<String> domain(Stratum s, LocalDate today) {
    List<String> out = new ArrayList<>();
    switch (s) {
      case SEX -> {
        for (Sex sex : Sex.values()) {
          out.add(sex.code());
        }
      }
      case AGE -> {
        for (int low = 0; low < 100; low += 10) {
          out.add(low + "-" + (low + 9));
        }
        out.add("100+");
        out.add(UNKNOWN);
      }
      case YEAR -> {
        out.add("earlier");
        for (int y = today.getYear() - YEARS + 1; y <= today.getYear(); y++) {
          out.add(Integer.toString(y));
        }
        out.add("later");
        out.add(UNKNOWN);
      }
    }
    return out;
  }

  /** The numbers of the cohort's patients per cell, every cell of the domain present. */
  static Map<String, int[]> split(Stratum s, Cohort cohort, LocalDate today, Map<String, Integer> years) {
    Map<String, int[]> out = new LinkedHashMap<>();
    Map<String, Integer> filled = new HashMap<>();
    domain(s, today).forEach(cell -> {
      out.put(cell, new int[16]);
      filled.put(cell, 0);
    });
    List<PatientRecord> records = cohort.records();
    int[] numbers = cohort.numbers();
    for (int i = 0; i < numbers.length; i++) {
      PatientRecord p = records.get(i);
      String cell = switch (s) {
        case SEX -> p.sex().code();
        case AGE -> ageBand(p, today);
        case YEAR -> yearCell(years.get(p.pseudonym()), today);
      };
      int[] in = out.get(cell);
      int n = filled.get(cell);
      if (n == in.length) {
        in = Arrays.copyOf(in, 2 * n);
        out.put(cell, in);
      }
      in[n] = numbers[i];
      filled.put(cell, n + 1);
    }
    out.replaceAll((cell, in) -> Arrays.copyOf(in, filled.get(cell)));
    return out;
  }

  static String ageBand(PatientRecord p, LocalDate today) {
    if (p.birth() == null) {
      return UNKNOWN;
    }
    int age = Period.between(p.birth().atDay(1), today).getYears();
    if (age < 0) {
      return UNKNOWN;
    }
    if (age >= 100) {
      return "100+";
    }
    int low = age / 10 * 10;
    return low + "-" + (low + 9);
  }

  static String yearCell(Integer year, LocalDate today) {
    if (year == null) {
      return UNKNOWN;
    }
    if (year > today.getYear()) {
      return "later";
    }
    return year <= today.getYear() - YEARS ? "earlier" : year.toString();
  }
}
