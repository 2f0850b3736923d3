package org.datenraum.app.federation;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.datenraum.broker.Broker;
import org.datenraum.core.Problem;
import org.datenraum.federation.Reply;
import org.datenraum.federation.audit.AuditAnchor;
import org.datenraum.federation.audit.AuditHeadFile;
import org.datenraum.federation.audit.AuditReport;
import org.datenraum.federation.v1.AuditHead;
import org.datenraum.node.NodeDirectory;
import org.datenraum.node.internal.FileAuditLog;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code datenraum audit}: verifies a broker's or site's keyed audit log and the heads held of it. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Audit log tools.",
    subcommands = AuditCommand.Verify.class)
public final class AuditCommand {

  @Command(name = "verify", mixinStandardHelpOptions = true,
      description = "Verify an audit log with its key and against the heads held of it; exit status 1 when it"
          + " was rewritten or cut off.")
  static final class Verify implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin ClientTlsOptions tls;

    static final class Where {
      @Option(names = "--data", description = "A stopped broker's data directory.")
      Path data;

      @Option(names = "--site", description = "A site directory.")
      Path site;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Where where;

    @Option(names = "--anchor", paramLabel = "FILE", description = "A head of this log held by the other end:"
        + " for --data a site's SITE/node/broker-audit-head.json; repeatable.")
    List<Path> anchors = new ArrayList<>();

    @Option(names = "--broker", description = "With --site: also check the head the broker holds of this site's log.")
    URI broker;

    @Option(names = "--key-file", description = "With --broker: the site's key file.")
    Path keyFile;

    @Override
    public Integer call() {
      if (where.data != null && (broker != null || keyFile != null)) {
        throw new IllegalArgumentException("--broker and --key-file go with --site: a broker's log is checked against"
            + " the heads sites hold, given with --anchor.");
      }
      List<AuditAnchor> held = new ArrayList<>();
      for (Path f : anchors) {
        AuditHeadFile.read(f).ifPresentOrElse(h -> held.add(new AuditAnchor("the head file `" + f + "`", h)), () -> {
          throw new IllegalArgumentException("--anchor `" + f + "` does not exist: pass a head file such as"
              + " SITE/node/broker-audit-head.json.");
        });
      }
      AuditReport r;
      if (where.data != null) {
        r = Broker.verifyAudit(where.data, held);
      } else {
        heldByBroker().ifPresent(h -> held.add(new AuditAnchor("the broker", h)));
        NodeDirectory dir = new NodeDirectory(where.site);
        r = FileAuditLog.verify(dir.auditLog(), dir.auditKey(), dir.auditHead(), held);
      }
      return print(r, held.size());
    }

    private Optional<AuditHead> heldByBroker() {
      if (broker == null) {
        return Optional.empty();
      }
      if (keyFile == null) {
        throw new IllegalArgumentException("--broker needs --key-file with the site's key.");
      }
      Reply<AuditHead> r = KeyFiles.client(broker, keyFile, tls.tls()).heldAuditHead();
      if (r.status() == 404) {
        spec.commandLine().getErr().println("datenraum audit: the broker holds no head of this site's log yet.");
        return Optional.empty();
      }
      return Optional.of(r.orThrow());
    }

    private int print(AuditReport r, int heads) {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      if (!r.intact()) {
        for (Problem p : r.problems()) {
          err.println("datenraum audit: " + p.code() + " the audit log was tampered with: " + p.message());
        }
        return 1;
      }
      if (!r.keyed()) {
        err.println("datenraum audit: entries 1 to " + r.entries() + " are an unkeyed legacy chain: intact, but a"
            + " rewrite cannot be ruled out; start the broker or node once to key the log.");
      }
      out.println("Audit log intact: " + r.entries() + " entries" + (r.keyed() ? ", keyed from entry "
          + (r.legacy() + 1) : "") + ", " + heads + " head(s) held elsewhere checked.");
      return 0;
    }
  }
}
