package org.datenraum.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user reads when a command cannot do its work: the reason in words, the file, the fix. */
class CliErrorsTest {

  /** Java's names for things a user never wrote: classes, exception types, ISO durations. */
  private static final String INTERNALS = "(?s).*(java\\.|Exception|\\bPT-?\\d|Input length).*";

  @TempDir Path dir;

  private Cli.Run submit(Path query) throws Exception {
    Path key = Files.writeString(dir.resolve("alice.key"), "k\n");
    return Cli.run("submit", "--broker", "http://127.0.0.1:9", "--key-file", key.toString(), query.toString());
  }

  @Test
  void aFileThatIsNotUtf8IsSaidToBeNotUtf8() throws Exception {
    Path latin = Files.write(dir.resolve("latin.json"), new byte[] {'{', (byte) 0xe4, (byte) 0xf6, (byte) 0xfc, '}'});
    Cli.Run r = submit(latin);
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err()).contains("`" + latin + "`").contains("not UTF-8").doesNotMatch(INTERNALS);
  }

  @Test
  void anIoErrorEscapingACommandCarriesItsReason() throws Exception {
    Path file = Files.writeString(dir.resolve("plain"), "x");
    Cli.Run r = Cli.run("generate", "--patients", "3", "--out", file.resolve("sub").toString());
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("`" + file.resolve("sub") + "`: not a directory").doesNotMatch(INTERNALS);
  }

  @Test
  void anErrorOfASubcommandNamesTheWholeCommand() throws Exception {
    Path file = Files.writeString(dir.resolve("plain"), "x");
    Cli.Run r = Cli.run("bench", "ingest", "--patients", "3", "--work", file.resolve("sub").toString());
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).startsWith("datenraum bench ingest: I/O error: `" + file.resolve("sub") + "`: not a directory")
        .doesNotMatch(INTERNALS);
  }

  @Test
  void anIngestBenchmarkOfAMissingCorpusIsRefusedAndCreatesNothing() {
    Path missing = dir.resolve("no-corpus");
    Path work = dir.resolve("work");
    Cli.Run r = Cli.run("bench", "ingest", "--input", missing.toString(), "--work", work.toString());
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("--input `" + missing + "` does not exist").doesNotMatch(INTERNALS);
    assertThat(r.out()).doesNotContain("resources/s");
    assertThat(work).doesNotExist();
  }

  @Test
  void aBenchmarkOfAMissingSiteIsRefusedAndCreatesNothing() {
    Path missing = dir.resolve("no-site");
    Cli.Run r = Cli.run("bench", "query", "--site", missing.toString());
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err()).contains("DR-1100 no site store in `" + missing + "`").doesNotMatch(INTERNALS);
    assertThat(missing).doesNotExist();
  }

  @Test
  void aDirectoryGivenAsQueryIsCalledADirectory() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("queries"));
    Cli.Run r = submit(folder);
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err()).contains("`" + folder + "` is a directory").doesNotMatch(INTERNALS);
  }

  @Test
  void emptyAndMalformedQueryFilesAreNamed() throws Exception {
    Path empty = Files.writeString(dir.resolve("empty.json"), "");
    Path broken = Files.writeString(dir.resolve("broken.json"), "{\"inclusionCriteria\": [");
    Cli.Run e = submit(empty);
    assertThat(e.status()).isEqualTo(1);
    assertThat(e.err()).contains("`" + empty + "` is empty").doesNotMatch(INTERNALS);
    Cli.Run b = submit(broken);
    assertThat(b.status()).isEqualTo(1);
    assertThat(b.err()).contains("`" + broken + "` is not valid JSON at line 1").doesNotMatch(INTERNALS)
        .doesNotContain("Source");
    Path site = dir.resolve("site");
    assertThat(Cli.run("ingest", "--site", site.toString(), Files.createDirectories(dir.resolve("none")).toString())
        .status()).isEqualTo(1);
    Cli.Run q = Cli.run("query", "--site", site.toString(), empty.toString());
    assertThat(q.err()).contains("`" + empty + "` is empty");
  }

  @Test
  void datesAddressesAndDurationsAreRefusedWithoutJavaNames() {
    Cli.Run date = Cli.run("query", "--site", dir.toString(), "--date", "2024-13-01", "q.json");
    assertThat(date.status()).isEqualTo(2);
    assertThat(date.err()).contains("`2024-13-01` is not a date: expected YYYY-MM-DD").doesNotMatch(INTERNALS);
    Cli.Run uri = Cli.run("submit", "--broker", "http://a b", "--key-file", "k", "q.json");
    assertThat(uri.status()).isEqualTo(2);
    assertThat(uri.err()).contains("`http://a b` is not an address").doesNotMatch(INTERNALS);
    Cli.Run expiry = Cli.run("broker", "--data", dir.resolve("b").toString(), "--host", "127.0.0.1", "--port", "0",
        "--expiry-minutes", "0");
    assertThat(expiry.status()).isEqualTo(2);
    assertThat(expiry.err()).contains("expiry").doesNotMatch(INTERNALS);
  }

  @Test
  void aHostThatIsNoAddressOfThisMachineIsNotCalledAPortInUse() {
    Cli.Run unresolved = Cli.run("broker", "--data", dir.resolve("b1").toString(), "--host", "999.1.1.1", "--port", "0");
    assertThat(unresolved.status()).isEqualTo(2);
    assertThat(unresolved.err()).contains("`999.1.1.1`").doesNotContain("in use").doesNotMatch(INTERNALS);
    Cli.Run foreign = Cli.run("broker", "--data", dir.resolve("b2").toString(), "--host", "192.0.2.1", "--port", "0");
    assertThat(foreign.status()).isEqualTo(2);
    assertThat(foreign.err()).contains("`192.0.2.1`").contains("not an address of this machine")
        .doesNotContain("in use");
  }

  @Test
  void aPortInUseIsCalledSoAndNamed() throws Exception {
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      String port = String.valueOf(taken.getLocalPort());
      Cli.Run r = Cli.run("broker", "--data", dir.resolve("b").toString(), "--host", "127.0.0.1", "--port", port);
      assertThat(r.status()).isEqualTo(2);
      assertThat(r.err()).contains("`127.0.0.1:" + port + "`").contains("port is in use").doesNotMatch(INTERNALS);
    }
  }

  @Test
  void unknownOptionsAreNamedBeforeMissingOnes() {
    Cli.Run r = Cli.run("query", "--sitee", "x");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("`--sitee`").contains("Missing required");
    assertThat(r.err().indexOf("--sitee")).isLessThan(r.err().indexOf("Missing required"));
  }

  @Test
  void negativeCountsPortsAndSizesAreRefused() {
    String[][] calls = {
        {"generate", "--out", dir.resolve("g").toString(), "--patients", "-1"},
        {"broker", "--data", dir.resolve("b").toString(), "--port", "-1"},
        {"quarantine", "--site", dir.toString(), "--limit", "-5"},
        {"submit", "--broker", "http://127.0.0.1:9", "--key-file", "k", "--timeout", "-1", "q.json"},
        {"surveillance", "counts", "--site", dir.toString(), "--min-cell", "-3"}};
    for (String[] call : calls) {
      Cli.Run r = Cli.run(call);
      assertThat(r.status()).as(String.join(" ", call)).isEqualTo(2);
      assertThat(r.err()).as(String.join(" ", call)).contains("is negative: give 0 or more");
    }
    assertThat(Files.exists(dir.resolve("g"))).isFalse();
  }
}
