package org.datenraum.app.surveillance;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.datenraum.federation.BrokerClient;
import org.datenraum.federation.Reply;
import org.datenraum.federation.v1.SiteState;
import org.datenraum.federation.v1.StartedRound;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code datenraum surveillance round}: the operator starts a round of the standing request now. */
@Command(name = "round", mixinStandardHelpOptions = true,
    description = "Starts a round of the standing surveillance request now (operator key), e.g. after an outage;"
        + " with --wait, waits until every site has answered and prints their statuses.")
final class RoundCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin BrokerOptions broker = new BrokerOptions();

  @Option(names = "--through", paramLabel = "YYYY-MM-DD",
      description = "The last day wanted (default: yesterday in the standing request's zone).")
  LocalDate through;

  @Option(names = "--wait", description = "Wait for every site to answer.")
  boolean wait;

  @Option(names = "--timeout", defaultValue = "120", description = "Seconds to wait (default: ${DEFAULT-VALUE}).")
  long timeout;

  @Override
  public Integer call() throws InterruptedException {
    BrokerClient client = broker.client();
    Reply<StartedRound> r = client.startRound(through);
    if (!r.isOk()) {
      spec.commandLine().getErr().println("datenraum surveillance round: " + r.problem().text());
      return 1;
    }
    StartedRound round = r.value();
    long deadline = System.nanoTime() + Duration.ofSeconds(timeout).toNanos();
    while (wait && !round.done() && System.nanoTime() < deadline) {
      Thread.sleep(250);
      round = client.round(round.id()).orThrow();
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf("Round %s (days %s..%s) at %d site(s)%n", round.id(), round.round().start(), round.round().through(),
        round.sites().size());
    for (SiteState s : round.sites()) {
      out.printf("  %-24s %-11s %s%n", s.site(), s.status().wire(), s.message() == null ? "" : s.message());
    }
    return 0;
  }
}
