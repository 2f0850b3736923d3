package org.datenraum.federation.v1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SurveillanceWireTest {

  private static final LocalDate DAY = LocalDate.of(2025, 10, 6);

  @Test
  void dailyCountsKeepWithheldCellsAsNull() {
    DailySeries gi = new DailySeries("syndrome", "GI", "gastrointestinal", "all", Arrays.asList(0, null, 7),
        Arrays.asList(120, 98, null));
    DailyCounts counts = new DailyCounts(DAY, DAY.plusDays(2), 5, List.of(gi));
    String json = WireJson.write(counts);
    assertThat(json).contains("\"first\":\"2025-10-06\"").contains("\"counts\":[0,null,7]");
    assertThat(WireJson.read(json, DailyCounts.class)).isEqualTo(counts);
  }

  @Test
  void aSeriesOfTheWrongLengthIsNamed() {
    String json = "{\"first\":\"2025-10-06\",\"last\":\"2025-10-07\",\"minimumCell\":5,\"series\":[{\"kind\":\"syndrome\","
        + "\"indicator\":\"GI\",\"label\":\"GI\",\"ageGroup\":\"all\",\"counts\":[1],\"denominators\":[1]}]}";
    assertThatThrownBy(() -> WireJson.read(json, DailyCounts.class))
        .isInstanceOfSatisfying(WireFormatException.class, e -> {
          assertThat(e.field()).isEqualTo("$.series[0].counts");
          assertThat(e.getMessage()).contains("must have 2 values");
        });
  }

  @Test
  void tooManyDaysForOneUploadAreRefused() {
    assertThatThrownBy(() -> new DailyCounts(DAY, DAY.plusDays(DailyCounts.MAX_DAYS), 5, List.of()))
        .hasMessageContaining("at most " + DailyCounts.MAX_DAYS + " days");
  }

  @Test
  void aRoundTravelsAsTheQueryOfARequest() {
    SurveillanceRound round = new SurveillanceRound(LocalDate.of(2023, 1, 1), DAY);
    Submission s = new Submission(RequestType.SURVEILLANCE, round.toQuery(), List.of(), null, null);
    Submission back = WireJson.read(WireJson.write(s), Submission.class);
    assertThat(back.type()).isEqualTo(RequestType.SURVEILLANCE);
    assertThat(SurveillanceRound.of(back.query())).isEqualTo(round);
    assertThat(WireJson.write(RequestType.SURVEILLANCE)).isEqualTo("\"surveillance\"");
  }

  @Test
  void theStandingRequestValidatesItsSettings() {
    assertThat(WireJson.read("{\"start\":\"2023-01-01\",\"dailyAt\":\"06:30\",\"zone\":\"Europe/Berlin\","
        + "\"minimumCell\":10}", StandingSurveillance.class).minimumCell()).isEqualTo(10);
    assertThatThrownBy(() -> WireJson.read("{\"start\":\"2023-01-01\",\"dailyAt\":\"6 am\",\"zone\":\"Europe/Berlin\","
        + "\"minimumCell\":5}", StandingSurveillance.class))
        .isInstanceOfSatisfying(WireFormatException.class, e -> assertThat(e.field()).isEqualTo("$.dailyAt"));
    assertThatThrownBy(() -> StandingSurveillance.from(DAY).withMinimum(0)).hasMessageContaining("at least 1");
  }
}
