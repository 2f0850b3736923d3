package org.datenraum.registry.emergency;

import static java.util.Objects.requireNonNull;

import java.time.YearMonth;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AKTIN's monthly report of one emergency department, as numbers: who came, when, how, how
 * urgent, how long it took, where they went, with what. Immutable.
 */
public record MonthlyEmergencyReport(YearMonth month, Population population, Arrivals arrivals,
    Access access, Times times, Outcomes outcomes) {

  public MonthlyEmergencyReport {
    requireNonNull(month, "month");
  }

  /** Visits, sex and age bands. */
  public record Population(long visits, Table sex, Table age) {}

  /** Visits per day of the month, weekday, hour, and weekday × hour ([0] = Monday). */
  public record Arrivals(Table perDay, Table perWeekday, Table perHour, List<List<Long>> weekdayHour) {
    public Arrivals {
      weekdayHour = weekdayHour.stream().map(List::copyOf).toList();
    }
  }

  /** Referral, transport and the triage levels. */
  public record Access(Table referral, Table transport, Table triage) {}

  /**
   * Time to triage and to physician, physician by triage level, length of stay, and the patients
   * present at each full hour of the day: summed over the month's days (divide by the days for the
   * mean) and the maximum on one day.
   */
  public record Times(TimeFigure triage, TimeFigure physician, Map<String, TimeFigure.Summary> physicianByLevel,
      TimeFigure lengthOfStay, Table presentSum, Table presentMax) {
    public Times {
      physicianByLevel = Collections.unmodifiableMap(new LinkedHashMap<>(physicianByLevel));
    }
  }

  /** Discharge and transfer, the top 20 leading diagnoses, complaints and complaint groups, hygiene. */
  public record Outcomes(Table disposition, Table diagnoses, Table complaints, Table complaintGroups,
      Table pathogens, Table isolation) {}
}
