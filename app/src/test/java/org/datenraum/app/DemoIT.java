package org.datenraum.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code datenraum demo} with tiny hospitals: the whole network runs, answers, stops, and runs again. */
class DemoIT {

  private static final Pattern MERGED = Pattern.compile("Merged answer: (\\d+|< 20) patients");

  @TempDir Path dir;

  @Test
  void theDemoNetworkAnswersBothQuestionsAndARerunReusesTheSitesWithTheSameAnswers() {
    Cli.Run first = Cli.run("demo", "--dir", dir.toString(), "--patients", "200");
    assertThat(first.status()).as(first.out() + first.err()).isZero();
    assertThat(first.out()).contains("Universitätsklinikum Musterstadt", "Klinikum Beispielburg",
        "Universitätsmedizin Nordhafen", "broker on http://127.0.0.1:", "by sex: ", "by age: ");
    assertThat(first.out().split("completed", -1)).as("6 site answers").hasSize(7);
    assertThat(merged(first.out())).hasSize(2).first().isNotEqualTo("0");

    Cli.Run again = Cli.run("demo", "--dir", dir.toString(), "--patients", "200");
    assertThat(again.status()).as(again.out() + again.err()).isZero();
    assertThat(again.out()).contains("Reusing the site stores");
    assertThat(merged(again.out())).as("the sites remember their noisy answers").isEqualTo(merged(first.out()));
  }

  private static java.util.List<String> merged(String out) {
    Matcher m = MERGED.matcher(out);
    java.util.List<String> totals = new java.util.ArrayList<>();
    while (m.find()) {
      totals.add(m.group(1));
    }
    return totals;
  }
}
