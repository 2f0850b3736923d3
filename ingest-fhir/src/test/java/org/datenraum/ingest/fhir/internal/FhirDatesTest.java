package org.datenraum.ingest.fhir.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

/** A partial FHIR date stands for its whole span; dates without a zone are UTC. */
class FhirDatesTest {

  @Test
  void partialDatesCoverTheirWholeSpan() {
    assertThat(FhirDates.start("2024")).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
    assertThat(FhirDates.end("2024")).isEqualTo(Instant.parse("2024-12-31T23:59:59.999Z"));
    assertThat(FhirDates.start("2024-02")).isEqualTo(Instant.parse("2024-02-01T00:00:00Z"));
    assertThat(FhirDates.end("2024-02")).isEqualTo(Instant.parse("2024-02-29T23:59:59.999Z"));
    assertThat(FhirDates.end("2023-12-31")).isEqualTo(Instant.parse("2023-12-31T23:59:59.999Z"));
  }

  @Test
  void dateTimesKeepTheirOffsetAndDefaultToUtc() {
    assertThat(FhirDates.start("2024-03-01T10:00:00+01:00"))
        .isEqualTo(Instant.parse("2024-03-01T09:00:00Z"));
    assertThat(FhirDates.start("2024-03-01T10:00:00Z")).isEqualTo(FhirDates.end("2024-03-01T10:00:00Z"));
    assertThat(FhirDates.start("2024-03-01T10:00:00-05:00"))
        .isEqualTo(Instant.parse("2024-03-01T15:00:00Z"));
    assertThat(FhirDates.start("2024-03-01T10:00:00")).isEqualTo(Instant.parse("2024-03-01T10:00:00Z"));
  }

  @Test
  void yearMonthOfEveryPrecision() {
    assertThat(FhirDates.yearMonth("1970-05-12")).isEqualTo(YearMonth.of(1970, 5));
    assertThat(FhirDates.yearMonth("1970-05")).isEqualTo(YearMonth.of(1970, 5));
    assertThat(FhirDates.yearMonth("1970")).isNull();
  }

  @Test
  void malformedValuesAreRejected() {
    for (String bad : new String[] {"2024-13-01", "24-01-01", "2024-1-1", "yesterday", "20x4"}) {
      assertThatThrownBy(() -> FhirDates.start(bad)).as(bad)
          .isInstanceOf(DateTimeParseException.class);
    }
  }
}
