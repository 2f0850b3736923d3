package org.datenraum.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.datenraum.core.Problem;
import org.junit.jupiter.api.Test;

class ValuesTest {

  @Test
  void outbreakSpecParsesTheDocumentedForm() {
    OutbreakSpec s = OutbreakSpec.parse("norovirus@2025-02-01:14d:+40").value();
    assertThat(s).isEqualTo(new OutbreakSpec("norovirus", LocalDate.of(2025, 2, 1), 14, 40));
    assertThat(s.caseType()).isEqualTo("NOROVIRUS");
    assertThat(OutbreakSpec.parse("noro@2025-02-01").problem().code()).isEqualTo("DR-3001");
    assertThat(OutbreakSpec.parse("plague@2025-02-01:3d:+4").problem().code()).isEqualTo("DR-3002");
    assertThat(OutbreakSpec.parse("rsv@2025-02-31:3d:+4").problem().category())
        .isEqualTo(Problem.Category.INVALID);
  }

  @Test
  void configRejectsAnOutbreakOutsideThePeriod() {
    var r = GeneratorConfig.of(10, 1, "X", LocalDate.of(2024, 1, 1), 1,
        java.util.List.of(OutbreakSpec.parse("covid@2026-01-01:7d:+5").value()));
    assertThat(r.problem().code()).isEqualTo("DR-3014");
    assertThat(GeneratorConfig.of(0, 1, "X", LocalDate.of(2024, 1, 1), 1, java.util.List.of())
        .problem().code()).isEqualTo("DR-3010");
  }

  @Test
  void berlinTimeMatchesJavaTimeAcrossDaylightSaving() {
    DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");
    SplittableRandom rng = new SplittableRandom(1);
    char[] buf = new char[32];
    for (int i = 0; i < 20_000; i++) {
      long t = 946_684_800L + rng.nextLong(1_000_000_000L);
      BerlinTime.formatDateTime(t, buf);
      String expected = ZonedDateTime.ofInstant(java.time.Instant.ofEpochSecond(t),
          ZoneId.of("Europe/Berlin")).format(f);
      assertThat(new String(buf, 0, BerlinTime.DATE_TIME_LENGTH)).isEqualTo(expected);
    }
  }

  @Test
  void idsAreUuidShapedAndDistinct() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String id = Ids.uuid(42, i);
      assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
      seen.add(id);
    }
    assertThat(seen).hasSize(10_000);
  }

  @Test
  void egfrFollowsCkdEpi2021() {
    assertThat(Physiology.egfr(1.0, true, 50)).isCloseTo(91.7, within(0.5));
    assertThat(Physiology.egfr(2.0, false, 70)).isCloseTo(26.0, within(0.5));
  }

  @Test
  void sitesWithDifferentNamesDiffer() {
    Site a = new Site("Universitätsklinikum Nord", Vocabulary.get());
    Site b = new Site("Kreiskrankenhaus Süd", Vocabulary.get());
    assertThat(a.defaultPatients).isNotEqualTo(b.defaultPatients);
    assertThat(a.caseMix).isNotEqualTo(b.caseMix);
    assertThat(a.slug).isEqualTo("universitaetsklinikum-nord");
  }
}
