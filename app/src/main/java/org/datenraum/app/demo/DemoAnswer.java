package org.datenraum.app.demo;

import static java.util.Objects.requireNonNull;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.TreeMap;
import java.util.function.Function;
import org.datenraum.federation.BrokerClient;
import org.datenraum.federation.v1.RequestView;
import org.datenraum.federation.v1.SiteState;
import org.datenraum.federation.v1.SiteStatus;

/**
 * A demo question's answer as the researcher saw it, with the time from submission to the
 * merged answer. Immutable.
 */
public record DemoAnswer(RequestView view, Duration elapsed) {

  public DemoAnswer {
    requireNonNull(view, "view");
    requireNonNull(elapsed, "elapsed");
  }

  /** Submits the question and waits until every site has finished, at most {@code timeout}. */
  public static DemoAnswer ask(BrokerClient researcher, DemoQuestion question, Duration timeout) {
    long t0 = System.nanoTime();
    long deadline = t0 + timeout.toNanos();
    RequestView v = researcher.submit(question.submission()).orThrow();
    while (!v.done() && System.nanoTime() < deadline) {
      long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
      v = researcher.request(v.id(), Duration.ofMillis(Math.min(left, 20_000))).orThrow();
    }
    return new DemoAnswer(v, Duration.ofNanos(System.nanoTime() - t0));
  }

  /** Whether every site answered. */
  public boolean complete() {
    return view.done() && view.sites().stream().allMatch(s -> s.status() == SiteStatus.COMPLETED);
  }

  /** Prints per-site status and the merged answer; {@code names} maps site accounts to hospital names. */
  public void print(PrintWriter out, Function<String, String> names) {
    for (SiteState s : view.sites()) {
      double after = Duration.between(view.created(), s.updated()).toMillis() / 1000.0;
      out.printf("    %-34s %-10s after %5.2f s%s%n", names.apply(s.site()), s.status().wire(), Math.max(0, after),
          s.message() == null ? "" : "  (" + s.message() + ")");
    }
    var r = view.result();
    out.printf("    Merged answer: %s patients  (%d site(s) reporting, %d below their threshold;"
        + " %.2f s from submission to merged answer)%n", r.total(), r.sitesReporting(), r.sitesSuppressed(),
        elapsed.toMillis() / 1000.0);
    if (!r.sites().isEmpty()) {
      StringBuilder b = new StringBuilder();
      r.sites().forEach(c -> b.append(b.length() == 0 ? "" : ", ").append(c.label()).append(' ').append(c.count()));
      out.println("    Per site, under labels that change with every request: " + b);
    }
    r.strata().forEach((stratum, cells) -> {
      StringBuilder b = new StringBuilder();
      TreeMap<String, Object> sorted = new TreeMap<>(DemoAnswer::byLeadingNumber);
      sorted.putAll(cells);
      sorted.forEach((cell, n) -> b.append(b.length() == 0 ? "" : ", ").append(cell).append(' ').append(n));
      out.println("    by " + stratum + ": " + b);
    });
  }

  /** Age bands in numeric order ({@code 10-19} before {@code 100-109}), other cells by name after them. */
  private static int byLeadingNumber(String a, String b) {
    int na = leadingNumber(a);
    int nb = leadingNumber(b);
    return na != nb ? Integer.compare(na, nb) : a.compareTo(b);
  }

  private static int leadingNumber(String s) {
    int i = 0;
    while (i < s.length() && Character.isDigit(s.charAt(i))) {
      i++;
    }
    return i == 0 || i > 9 ? Integer.MAX_VALUE : Integer.parseInt(s.substring(0, i));
  }

  /** The total as shown: a number, or a text such as "< 20". */
  public Object total() {
    return view.result().total().json();
  }
}
