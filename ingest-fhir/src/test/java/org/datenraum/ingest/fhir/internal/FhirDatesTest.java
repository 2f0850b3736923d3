package org.datenraum.ingest.fhir.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Random;
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

  @Test
  void malformedTimesAndZonesAreRejected() {
    for (String bad : new String[] {"2024-02-30", "2023-02-29", "2024-03-01T24:00:00Z",
        "2024-03-01T10:60:00Z", "2024-03-01T10:00:60Z", "2024-03-01T10:00:00+0100",
        "2024-03-01T10:00:00.Z", "2024-03-01T10:00:00.1234567891Z", "2024-03-01T10:00:00+19:00",
        "2024-03-01T10", "2024-03-01T10:00:00ZZ", "2024-03-01 10:00:00"}) {
      assertThatThrownBy(() -> FhirDates.start(bad)).as(bad)
          .isInstanceOf(DateTimeParseException.class);
    }
  }

  /** Seeded random values, valid and corrupted, read as java.time reads them. */
  @Test
  void agreesWithJavaTimeOnRandomValues() {
    Random random = new Random(20261123);
    for (int i = 0; i < 20_000; i++) {
      String v = randomValue(random);
      if (random.nextInt(4) == 0) {
        char[] chars = v.toCharArray();
        chars[random.nextInt(chars.length)] = "0123456789-:T+Zx.".charAt(random.nextInt(17));
        v = new String(chars);
      }
      Instant expected = javaTimeStart(v);
      if (expected == null) {
        String value = v;
        assertThatThrownBy(() -> FhirDates.start(value)).as(v)
            .isInstanceOf(DateTimeParseException.class);
      } else {
        assertThat(FhirDates.start(v)).as(v).isEqualTo(expected);
      }
    }
  }

  private static String randomValue(Random random) {
    LocalDateTime t = LocalDateTime.of(1900 + random.nextInt(200), 1 + random.nextInt(12),
        1 + random.nextInt(28), random.nextInt(24), random.nextInt(60), random.nextInt(60),
        random.nextInt(1000) * 1_000_000);
    String date = t.toLocalDate().toString();
    return switch (random.nextInt(6)) {
      case 0 -> date.substring(0, 4);
      case 1 -> date.substring(0, 7);
      case 2 -> date;
      case 3 -> t.toString();
      case 4 -> t + "Z";
      default -> t + ZoneOffset.ofTotalSeconds((random.nextInt(49) - 24) * 1800).toString()
          .replace("Z", "+00:00");
    };
  }

  /** The first instant as java.time's ISO parsers give it, or null where they refuse. */
  private static Instant javaTimeStart(String v) {
    try {
      return switch (v.length()) {
        case 4 -> v.chars().allMatch(Character::isDigit)
            ? LocalDate.of(Integer.parseInt(v), 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC) : null;
        case 7 -> YearMonth.parse(v).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        case 10 -> LocalDate.parse(v).atStartOfDay().toInstant(ZoneOffset.UTC);
        default -> v.endsWith("Z") || v.lastIndexOf('+') > 10 || v.lastIndexOf('-') > 10
            ? OffsetDateTime.parse(v).toInstant() : LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
      };
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
