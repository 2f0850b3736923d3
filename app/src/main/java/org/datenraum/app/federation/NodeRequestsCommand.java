package org.datenraum.app.federation;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.datenraum.node.Decision;
import org.datenraum.node.LocalRequest;
import org.datenraum.node.LocalState;
import org.datenraum.node.NodeDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code datenraum node requests}: what the site has received and decided. */
@Command(name = "requests", mixinStandardHelpOptions = true, description = "List the requests this site received.")
final class NodeRequestsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--site", required = true, description = "The site's data directory.")
  Path site;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    for (LocalRequest r : new NodeDirectory(site).all()) {
      out.printf("%s  %-18s %-11s from %-16s received %s%s%n", r.request().id(), r.state().name().toLowerCase(),
          r.request().type().wire(), r.request().researcher(), r.request().created(),
          r.note() == null ? "" : "  (" + r.note() + ")");
    }
    return 0;
  }

  /** Shared by approve and reject: the request must await a decision. */
  static int decide(CommandSpec spec, Path site, String id, Decision d) {
    NodeDirectory dir = new NodeDirectory(site);
    Optional<LocalRequest> r = dir.find(id);
    if (r.isEmpty() || r.get().state() != LocalState.AWAITING_APPROVAL) {
      spec.commandLine().getErr().println("datenraum node: DR-5603 request `" + id + "` is not awaiting approval at"
          + " this site: see `datenraum node requests --site " + site + "`.");
      return 1;
    }
    dir.decide(id, d);
    spec.commandLine().getOut().println((d.approve() ? "Approved" : "Rejected") + " `" + id
        + "`; the running node acts on it within a second.");
    return 0;
  }

  @Command(name = "approve", mixinStandardHelpOptions = true, description = "Approve a request awaiting a person.")
  static final class Approve implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--site", required = true, description = "The site's data directory.")
    Path site;

    @Parameters(index = "0", paramLabel = "REQUEST_ID", description = "The request to approve, as `node requests`"
        + " lists it.")
    String id;

    @Override
    public Integer call() {
      return decide(spec, site, id, new Decision(true, System.getProperty("user.name", "unknown"), null));
    }
  }

  @Command(name = "reject", mixinStandardHelpOptions = true, description = "Reject a request awaiting a person.")
  static final class Reject implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--site", required = true, description = "The site's data directory.")
    Path site;

    @Option(names = "--reason", description = "Shown to the researcher.")
    String reason;

    @Parameters(index = "0", paramLabel = "REQUEST_ID", description = "The request to reject, as `node requests`"
        + " lists it.")
    String id;

    @Override
    public Integer call() {
      return decide(spec, site, id, new Decision(false, System.getProperty("user.name", "unknown"), reason));
    }
  }
}
