package org.datenraum.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code datenraum report emergency} over documents imported with {@code datenraum cda}: JSON, HTML and PDF, owner-only. */
class EmergencyReportIT {

  private static final Pattern ADMISSION = Pattern.compile(
      "<encompassingEncounter[^>]*>.*?<effectiveTime>\\s*(?:<!--.*?-->\\s*)*<low value=\"(\\d{6})", Pattern.DOTALL);

  @TempDir Path tmp;

  @Test
  void theMonthOfTheStoryboards() throws Exception {
    Path site = tmp.resolve("site");
    List<String> args = new ArrayList<>(List.of("cda", "--site", site.toString()));
    int january = 0;
    for (String n : List.of("01", "02", "03", "04", "05", "06")) {
      Path doc = Cli.testData("aktin/cda/storyboards/aktin_test_storyboard" + n + ".xml");
      args.add(doc.toString());
      Matcher m = ADMISSION.matcher(Files.readString(doc));
      assertThat(m.find()).isTrue();
      january += m.group(1).equals("201501") ? 1 : 0;
    }
    assertThat(Cli.run(args.toArray(String[]::new)).status()).isZero();

    Path json = tmp.resolve("r.json");
    Cli.Run run = Cli.run("report", "emergency", "--site", site.toString(), "--month", "2015-01", "--format", "json",
        "--out", json.toString());
    assertThat(run.status()).as(run.err()).isZero();
    JsonNode r = new ObjectMapper().readTree(json.toFile());
    assertThat(r.path("population").path("visits").asInt()).isEqualTo(january).isPositive();
    assertThat(Files.getPosixFilePermissions(json)).isEqualTo(PosixFilePermissions.fromString("rw-------"));

    Path pdf = tmp.resolve("r.pdf");
    assertThat(Cli.run("report", "emergency", "--site", site.toString(), "--month", "2015-01", "--out", pdf.toString())
        .status()).isZero();
    assertThat(new String(Files.readAllBytes(pdf), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    Path html = tmp.resolve("r.html");
    assertThat(Cli.run("report", "emergency", "--site", site.toString(), "--month", "2015-01", "--format", "html",
        "--out", html.toString()).status()).isZero();
    assertThat(Files.readString(html)).contains("<img");

    assertThat(Cli.run("report", "emergency", "--site", site.toString(), "--month", "2015-13", "--out",
        pdf.toString()).status()).isEqualTo(2);
    assertThat(Cli.run("report", "emergency", "--site", tmp.resolve("none").toString(), "--month", "2015-01",
        "--out", pdf.toString()).status()).isEqualTo(1);
  }
}
