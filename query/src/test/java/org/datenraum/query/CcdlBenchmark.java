package org.datenraum.query;

import java.util.Arrays;
import java.util.List;
import org.datenraum.query.ccdl.CcdlParser;
import org.datenraum.query.mapping.Mappings;

/**
 * Prints parse and parse+compile latency of the shared CCDL queries (the two large sq2cql queries
 * and the flare load-test query). Run: {@code java -cp <test and runtime classpath>
 * org.datenraum.query.CcdlBenchmark}.
 */
public final class CcdlBenchmark {

  private static final List<String> FILES = List.of(
      "sq2cql/large-query-worst-case-with-time-constraints.json",
      "sq2cql/test-large-query-more-crit-time-rest-1.json",
      "flare/flare-loadtest-condition-query-intersection-top-10.json",
      "spec/ccdl-all-properties.json");

  private CcdlBenchmark() {}

  public static void main(String[] args) {
    CcdlCompiler compiler = CcdlCompiler.of(Mappings.builtIn());
    for (String file : FILES) {
      String json = TestData.read(TestData.ccdl(file));
      for (int i = 0; i < 20_000; i++) {
        CcdlParser.parse(json).flatMap(compiler::compile).value();
      }
      long[] parse = new long[10_000];
      long[] both = new long[10_000];
      for (int i = 0; i < parse.length; i++) {
        long t0 = System.nanoTime();
        var q = CcdlParser.parse(json).value();
        long t1 = System.nanoTime();
        compiler.compile(q).value();
        long t2 = System.nanoTime();
        parse[i] = t1 - t0;
        both[i] = t2 - t0;
      }
      System.out.printf("%-62s %6d bytes  parse p50 %6.1f us p99 %6.1f us  parse+compile p50 %6.1f us p99 %6.1f us%n",
          file, json.length(), pct(parse, 50), pct(parse, 99), pct(both, 50), pct(both, 99));
    }
  }

  private static double pct(long[] nanos, int p) {
    long[] s = nanos.clone();
    Arrays.sort(s);
    return s[Math.min(s.length - 1, s.length * p / 100)] / 1000.0;
  }
}
