package org.datenraum.registry.icu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.datenraum.core.Sex;
import org.junit.jupiter.api.Test;

class VentilationCourseTest {

  /** '.' none, 'O' oxygen, 'H' high flow, 'N' non-invasive, 'I' invasive, one letter per hour. */
  private static VentilationCourse course(String hours) {
    VentilationStatus[] out = new VentilationStatus[hours.length()];
    for (int i = 0; i < out.length; i++) {
      out[i] = switch (hours.charAt(i)) {
        case 'O' -> VentilationStatus.OXYGEN;
        case 'H' -> VentilationStatus.HIGH_FLOW;
        case 'N' -> VentilationStatus.NON_INVASIVE;
        case 'I' -> VentilationStatus.INVASIVE;
        default -> VentilationStatus.NONE;
      };
    }
    return VentilationCourse.ofHours(out);
  }

  @Test
  void gapsShorterThan14HoursAreBridged() {
    assertThat(course("III" + ".".repeat(13) + "II").episodes())
        .containsExactly(new Episode(VentilationStatus.INVASIVE, 0, 17, false));
  }

  @Test
  void aGapOf14HoursStartsAnEpisodeThatIsAReintubation() {
    assertThat(course("III" + ".".repeat(14) + "II").episodes()).containsExactly(
        new Episode(VentilationStatus.INVASIVE, 0, 2, false),
        new Episode(VentilationStatus.INVASIVE, 17, 18, true));
  }

  @Test
  void reintubationOnlyWithinFortyEightHours() {
    assertThat(course("II" + ".".repeat(47) + "I").episodes().get(1).reintubation()).isTrue();
    assertThat(course("II" + ".".repeat(48) + "I").episodes().get(1).reintubation()).isFalse();
  }

  @Test
  void episodesArePerStatusAndBridgeOverOtherStatuses() {
    VentilationCourse c = course("IINNNII" + ".".repeat(20) + "OO");
    assertThat(c.episodes()).containsExactly(
        new Episode(VentilationStatus.INVASIVE, 0, 6, false),
        new Episode(VentilationStatus.NON_INVASIVE, 2, 4, false),
        new Episode(VentilationStatus.OXYGEN, 27, 28, false));
    assertThat(c.episodes().get(0).hours()).isEqualTo(7);
    assertThat(c.hoursOf(VentilationStatus.INVASIVE)).isEqualTo(4);
  }

  @Test
  void procedurePeriodsBecomeHourlyStatusesByPriority() {
    // invasive 2.5-10 h covers hours 2..9 (10:00 is the next hour's start), NIV 8-20 h the
    // hours 8..19 of which 8 and 9 stay invasive, high flow 0-30 h the rest up to hour 29
    Stays p = Stays.adult(Sex.MALE).icu("e1", 0, 48)
        .invasive(2.5, 10).ventilation("428311008", 8, 20).ventilation("426854004", 0, 30);
    StayResult.Ventilation v = p.result().ventilation();
    assertThat(v.episodes()).containsExactly(
        new Episode(VentilationStatus.HIGH_FLOW, 0, 1, false),
        new Episode(VentilationStatus.INVASIVE, 2, 9, false),
        new Episode(VentilationStatus.NON_INVASIVE, 10, 19, false),
        new Episode(VentilationStatus.HIGH_FLOW, 20, 29, false));
    assertThat(v.invasiveStatusHours()).isEqualTo(8);
    assertThat(v.extubations()).isEqualTo(1);
  }

  @Test
  void oxygenCodesAndOtherCodesClassify() {
    assertThat(List.of("57485005", "371907003", "428311008", "426854004", "243147009")
        .stream().map(c -> VentilationStatus.ofCode(new org.datenraum.core.Coding(
            org.datenraum.core.CodeSystems.SNOMED, c))).toList()).containsExactly(
        VentilationStatus.OXYGEN, VentilationStatus.OXYGEN, VentilationStatus.NON_INVASIVE,
        VentilationStatus.HIGH_FLOW, VentilationStatus.INVASIVE);
  }
}
