package org.datenraum.app.surveillance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Runs {@code surveillance detect} on the shared inputs and compares with R's outputs. */
class SurveillanceCommandIT {

  @TempDir Path tmp;

  private static Path testdata() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("shared"))) {
      dir = dir.getParent();
    }
    return dir.resolve("shared").resolve("testdata").resolve("surveillance");
  }

  private int run(StringWriter err, String... args) {
    CommandLine cl = new CommandLine(new SurveillanceCommand());
    cl.setErr(new PrintWriter(err, true));
    cl.setOut(new PrintWriter(new StringWriter(), true));
    return cl.execute(args);
  }

  @Test
  void farringtonFlexibleWithDefaultRangeMatchesR() throws IOException {
    Path out = tmp.resolve("result.csv");
    int status = run(new StringWriter(), "detect", "--method", "farrington-flexible",
        "--control", "b=5",
        "--input", testdata().resolve("inputs/salmNewportGermany.csv").toString(),
        "--output", out.toString());
    assertThat(status).isZero();
    assertSame(out, testdata().resolve("outputs/salmNewportGermany__FF_default.csv"));
  }

  @Test
  void noufailyWithExplicitRangeMatchesR() throws IOException {
    Path out = tmp.resolve("noufaily.csv");
    int status = run(new StringWriter(), "detect", "--method", "farrington-flexible",
        "--control", "b=4", "--control", "noPeriods=10", "--control", "pastWeeksNotIncluded=26",
        "--control", "pThresholdTrend=1", "--control", "thresholdMethod=nbPlugin",
        "--control", "range=212:312",
        "--input", testdata().resolve("inputs/salmonella.agona.csv").toString(),
        "--output", out.toString());
    assertThat(status).isZero();
    assertSame(out, testdata().resolve("outputs/salmonella.agona__FF_noufaily.csv"));
  }

  @Test
  void earsC3MatchesR() throws IOException {
    Path out = tmp.resolve("c3.csv");
    int status = run(new StringWriter(), "detect", "--method", "ears-c3",
        "--input", testdata().resolve("inputs/salmonella.agona.csv").toString(),
        "--output", out.toString());
    assertThat(status).isZero();
    assertSame(out, testdata().resolve("outputs/salmonella.agona__EARS_C3.csv"));
  }

  @Test
  void badCountNamesFileLineAndColumn() throws IOException {
    Path in = tmp.resolve("bad.csv");
    Files.writeString(in, "\"series\",\"epoch_index\",\"date\",\"year\",\"week\",\"observed\"\n"
        + "\"a\",1,NA,2020,1,3\n\"a\",2,NA,2020,2,three\n");
    StringWriter err = new StringWriter();
    int status = run(err, "detect", "--method", "ears-c1", "--input", in.toString(),
        "--output", tmp.resolve("x.csv").toString());
    assertThat(status).isEqualTo(1);
    assertThat(err.toString()).contains("bad.csv").contains("line 3").contains("`observed`")
        .contains("`three`").contains("non-negative integer");
  }

  @Test
  void unknownControlIsRejectedWithTheKnownOnes() {
    StringWriter err = new StringWriter();
    int status = run(err, "detect", "--method", "farrington", "--control", "noPeriods=10",
        "--input", testdata().resolve("inputs/salmonella.agona.csv").toString(),
        "--output", tmp.resolve("x.csv").toString());
    assertThat(status).isEqualTo(1);
    assertThat(err.toString()).contains("DR-6002").contains("`noPeriods`").contains("limit54");
  }

  private static void assertSame(Path actual, Path expected) throws IOException {
    List<String> a = Files.readAllLines(actual);
    List<String> e = Files.readAllLines(expected);
    assertThat(a).hasSameSizeAs(e);
    assertThat(a.get(0)).isEqualTo(e.get(0));
    for (int i = 1; i < e.size(); i++) {
      String[] fa = a.get(i).split(",", -1);
      String[] fe = e.get(i).split(",", -1);
      for (int c = 0; c < fe.length; c++) {
        if (c == 6 && !fe[c].equals("NA")) {
          assertThat(Double.parseDouble(fa[c])).as("line %d", i + 1)
              .isCloseTo(Double.parseDouble(fe[c]),
                  org.assertj.core.api.Assertions.withinPercentage(1e-4));
        } else {
          assertThat(fa[c]).as("line %d column %d", i + 1, c + 1).isEqualTo(fe[c]);
        }
      }
    }
  }
}
