package org.datenraum.app.surveillance;

import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.datenraum.federation.Reply;
import org.datenraum.federation.v1.StandingSurveillance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code datenraum surveillance standing}: the operator sets the network's standing surveillance request. */
@Command(name = "standing", mixinStandardHelpOptions = true,
    description = "Sets the standing surveillance request (operator key): every day at --daily-at the broker"
        + " starts a round in which every site with the rule (node --auto-approve surveillance) sends the daily"
        + " counts it has not sent yet.")
final class StandingCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin BrokerOptions broker = new BrokerOptions();

  @Option(names = "--start", required = true, paramLabel = "YYYY-MM-DD", description = "The first day collected.")
  LocalDate start;

  @Option(names = "--daily-at", defaultValue = "06:00", paramLabel = "HH:MM",
      description = "When each day's round starts (default: ${DEFAULT-VALUE}).")
  String dailyAt;

  @Option(names = "--zone", defaultValue = "Europe/Berlin",
      description = "Time zone of --daily-at and of the days (default: ${DEFAULT-VALUE}).")
  String zone;

  @Option(names = "--min-cell", defaultValue = "5", paramLabel = "N",
      description = "The network's minimum cell size: site values from 1 to N-1 are hidden (default: ${DEFAULT-VALUE}).")
  int minimumCell;

  @Override
  public Integer call() {
    Reply<StandingSurveillance> r = broker.client().standing(new StandingSurveillance(start, dailyAt, zone,
        minimumCell));
    if (!r.isOk()) {
      spec.commandLine().getErr().println("datenraum surveillance standing: " + r.problem().text());
      return 1;
    }
    StandingSurveillance s = r.value();
    spec.commandLine().getOut().printf("Standing surveillance request: days from %s, a round every day at %s (%s),"
        + " network minimum cell size %d.%n", s.start(), s.dailyAt(), s.zone(), s.minimumCell());
    return 0;
  }
}
