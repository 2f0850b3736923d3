package org.datenraum.app.federation;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.datenraum.app.IoErrors;
import org.datenraum.federation.BrokerClient;
import org.datenraum.federation.Reply;
import org.datenraum.federation.v1.IssuedKey;
import org.datenraum.federation.v1.Principal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code datenraum admin}: the operator registers and revokes sites and researchers. */
@Command(name = "admin", mixinStandardHelpOptions = true,
    description = "Register sites and researchers, revoke keys, list principals (operator key required).",
    subcommands = {AdminCommand.AddSite.class, AdminCommand.AddResearcher.class, AdminCommand.Revoke.class,
        AdminCommand.ListPrincipals.class})
public final class AdminCommand {

  /** Options every admin call needs. */
  static final class Connection extends ClientTlsOptions {
    @Option(names = "--broker", required = true, description = "The broker's address, e.g. http://host:8080.")
    URI broker;

    @Option(names = "--key-file", required = true, description = "The operator key file (DIR/operator.key).")
    Path keyFile;

    BrokerClient client() {
      return KeyFiles.client(broker, keyFile, tls());
    }
  }

  static int refused(PrintWriter err, Reply<?> r) {
    err.println("datenraum admin: " + r.problem().text());
    return 1;
  }

  abstract static class Add implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin Connection connection;

    @Parameters(index = "0", paramLabel = "NAME", description = "The name (letters, digits, . _ -).")
    String name;

    @Option(names = "--out", required = true, description = "Where to write the new key (owner-only).")
    Path out;

    abstract Reply<IssuedKey> add(BrokerClient c);

    /** Reserves the key file before registering, so a file that cannot be written registers nothing. */
    @Override
    public Integer call() {
      try (NewKeyFile file = NewKeyFile.reserve(out)) {
        BrokerClient client = connection.client();
        Reply<IssuedKey> r = add(client);
        if (!r.isOk()) {
          return refused(spec.commandLine().getErr(), r);
        }
        try {
          file.publish(r.value().key());
        } catch (RuntimeException e) {
          return revokeUnwritten(client, e);
        }
        spec.commandLine().getOut().println("Registered " + r.value().role().wire() + " `" + name + "`; key written"
            + " to " + out + " (readable by you only). Hand it over securely; it is not shown again.");
        return 0;
      }
    }

    private int revokeUnwritten(BrokerClient client, RuntimeException e) {
      Reply<Void> revoked = client.revoke(name);
      spec.commandLine().getErr().println("datenraum admin: " + IoErrors.describe(e) + (revoked.isOk()
          ? " The new key of `" + name + "` was revoked again; register under another name."
          : " Revoke `" + name + "` with `datenraum admin revoke`: its key is lost."));
      return 2;
    }
  }

  @Command(name = "add-site", mixinStandardHelpOptions = true, description = "Register a site and write its key.")
  static final class AddSite extends Add {
    @Override
    Reply<IssuedKey> add(BrokerClient c) {
      return c.addSite(name);
    }
  }

  @Command(name = "add-researcher", mixinStandardHelpOptions = true, description = "Register a researcher and write the key.")
  static final class AddResearcher extends Add {
    @Override
    Reply<IssuedKey> add(BrokerClient c) {
      return c.addResearcher(name);
    }
  }

  @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a site's or researcher's key.")
  static final class Revoke implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin Connection connection;

    @Parameters(index = "0", paramLabel = "NAME", description = "The site or researcher whose key is revoked.")
    String name;

    @Override
    public Integer call() {
      Reply<Void> r = connection.client().revoke(name);
      if (!r.isOk()) {
        return refused(spec.commandLine().getErr(), r);
      }
      spec.commandLine().getOut().println("Revoked `" + name + "`.");
      return 0;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List sites, researchers and operators.")
  static final class ListPrincipals implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin Connection connection;

    @Override
    public Integer call() {
      Reply<java.util.List<Principal>> r = connection.client().principals();
      if (!r.isOk()) {
        return refused(spec.commandLine().getErr(), r);
      }
      for (Principal p : r.value()) {
        spec.commandLine().getOut().printf("%-10s %-24s %s%s%n", p.role().wire(), p.name(), p.created(),
            p.revoked() ? "  revoked" : "");
      }
      return 0;
    }
  }
}
