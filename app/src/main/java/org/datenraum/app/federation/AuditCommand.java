package org.datenraum.app.federation;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.datenraum.broker.Broker;
import org.datenraum.node.NodeDirectory;
import org.datenraum.node.internal.FileAuditLog;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code datenraum audit}: checks the hash chain of a broker's or site's audit log. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Audit log tools.",
    subcommands = AuditCommand.Verify.class)
public final class AuditCommand {

  @Command(name = "verify", mixinStandardHelpOptions = true,
      description = "Verify an audit log's hash chain; exit status 1 when it was tampered with.")
  static final class Verify implements Callable<Integer> {
    @Spec CommandSpec spec;

    static final class Where {
      @Option(names = "--data", description = "A stopped broker's data directory.")
      Path data;

      @Option(names = "--site", description = "A site directory.")
      Path site;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Where where;

    @Override
    public Integer call() {
      Optional<String> broken = where.data != null
          ? Broker.verifyAudit(where.data) : FileAuditLog.verify(new NodeDirectory(where.site).auditLog());
      if (broken.isPresent()) {
        spec.commandLine().getErr().println("datenraum audit: DR-5901 the audit log was tampered with: " + broken.get());
        return 1;
      }
      spec.commandLine().getOut().println("Audit log intact.");
      return 0;
    }
  }
}
