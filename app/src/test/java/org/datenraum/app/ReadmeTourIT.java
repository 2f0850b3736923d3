package org.datenraum.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's short tour, command by command in the order written, as a new user runs it from
 * the repository's root: {@code /tmp/} becomes a fresh directory, the broker takes a free port,
 * and the commands ending in {@code &} run in the background. Every command must exit 0, the
 * local query and the network's answer must count patients of the hospital just generated. The
 * benchmarks are only parsed (they take minutes each).
 */
class ReadmeTourIT {

  private static final Duration START = Duration.ofSeconds(60);
  private static final Pattern WORD = Pattern.compile("\"([^\"]*)\"|(\\S+)");

  @TempDir Path tmp;
  private final Path repository = Path.of("").toAbsolutePath().getParent();
  private String brokerUrl;

  @Test
  void theTourRunsInTheOrderWritten() throws Exception {
    List<List<String>> commands = tour(Files.readString(repository.resolve("README.md")));
    assertThat(commands).extracting(c -> c.get(0))
        .containsSubsequence("generate", "ingest", "query", "broker", "admin", "node", "submit");
    List<Background> background = new ArrayList<>();
    try {
      for (List<String> command : commands) {
        run(command, background);
      }
    } finally {
      for (int i = background.size() - 1; i >= 0; i--) {
        background.get(i).close();
      }
    }
  }

  private void run(List<String> written, List<Background> background) throws Exception {
    boolean behind = written.get(written.size() - 1).equals("&");
    List<String> args = new ArrayList<>();
    for (String word : behind ? written.subList(0, written.size() - 1) : written) {
      args.add(resolve(word));
    }
    String[] argv = args.toArray(String[]::new);
    String what = String.join(" ", written);
    if (args.get(0).equals("bench")) {
      Main.commandLine().parseArgs(argv);
      return;
    }
    if (behind) {
      Background b = new Background(argv);
      background.add(b);
      if (args.get(0).equals("broker")) {
        brokerUrl = "http://127.0.0.1:" + b.await("listening on http://127\\.0\\.0\\.1:(\\d+)", START);
      } else {
        b.await("polling", START);
      }
      return;
    }
    Cli.Run r = Cli.run(argv);
    assertThat(r.status()).as("`%s`: %s", what, r.err()).isZero();
    if (args.get(0).equals("query")) {
      assertThat(count(r.out(), "([\\d,]+) patients match")).as(what).isPositive();
    }
    if (args.get(0).equals("submit")) {
      assertThat(count(r.out(), "Total: ([\\d,]+)")).as("%s: %s", what, r.out()).isPositive();
    }
  }

  /** A word of the README as this test runs it: its own /tmp, the broker's port, paths from the repository's root. */
  private String resolve(String word) {
    if (word.equals("8080")) {
      return "0";
    }
    if (word.startsWith("http://127.0.0.1:8080")) {
      assertThat(brokerUrl).as("the broker runs before `%s` is used", word).isNotNull();
      return word.replace("http://127.0.0.1:8080", brokerUrl);
    }
    if (word.startsWith("/tmp/")) {
      return tmp.resolve(word.substring("/tmp/".length())).toString();
    }
    if (!word.startsWith("-") && !word.startsWith("/") && word.contains("/") && !word.contains(":")) {
      Path p = repository.resolve(word).normalize();
      assertThat(p).as("`%s` exists when the tour uses it", word).exists();
      return p.toString();
    }
    return word;
  }

  private static long count(String out, String regex) {
    Matcher m = Pattern.compile(regex).matcher(out);
    assertThat(m.find()).as("`%s` in %s", regex, out).isTrue();
    return Long.parseLong(m.group(1).replace(",", ""));
  }

  /** The commands of the README's tour block, continuation lines joined, comments removed. */
  static List<List<String>> tour(String readme) {
    String section = readme.substring(readme.indexOf("## A short tour"));
    String block = section.substring(section.indexOf("```bash") + 7, section.indexOf("```", section.indexOf("```bash") + 7));
    List<List<String>> out = new ArrayList<>();
    for (String line : block.replaceAll("\\\\\\R\\s*", " ").split("\\R")) {
      String code = line.replaceAll("\\s+#.*$", "").strip();
      if (code.isEmpty() || code.startsWith("#")) {
        continue;
      }
      assertThat(code).startsWith("./datenraum ");
      List<String> words = new ArrayList<>();
      Matcher m = WORD.matcher(code.substring("./datenraum ".length()));
      while (m.find()) {
        words.add(m.group(1) != null ? m.group(1) : m.group(2));
      }
      out.add(words);
    }
    return out;
  }
}
