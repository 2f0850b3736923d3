package org.datenraum.web.broker;

import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import org.datenraum.core.Problem;
import org.datenraum.core.Result;
import org.datenraum.federation.BrokerClient;
import org.datenraum.federation.Reply;
import org.datenraum.federation.v1.Principal;
import org.datenraum.federation.v1.Role;
import org.datenraum.web.kit.PageProblem;
import org.datenraum.web.kit.User;

/**
 * The pages' way to the broker: its own API, with the signed-in user's key. A key the broker no
 * longer accepts ends the user's sessions. Thread-safe.
 */
final class BrokerCalls {

  private final Supplier<URI> self;
  private final SSLContext tls;
  private final Map<String, BrokerClient> clients = new ConcurrentHashMap<>();
  private volatile Consumer<User> revoked = u -> { };

  /** @param tls with HTTPS, the context that trusts the broker's own certificate; null with plain HTTP */
  BrokerCalls(Supplier<URI> self, SSLContext tls) {
    this.self = self;
    this.tls = tls;
  }

  void onRevoked(Consumer<User> then) {
    this.revoked = then;
  }

  /** The user a key belongs to: researchers and the operator may sign in, sites may not. */
  Result<User> signIn(String key) {
    Reply<Principal> me;
    try {
      me = BrokerClient.of(self.get(), key, tls).me();
    } catch (UncheckedIOException e) {
      return Result.fail(Problem.invalid("DR-7013", "The broker's API does not answer the portal (" + e.getMessage()
          + "): ask the operator to check the broker."));
    }
    if (!me.isOk()) {
      return Result.fail(Problem.invalid("DR-7010", "The key is unknown or revoked: paste the key from your key"
          + " file, or ask the network operator for a new one."));
    }
    Principal p = me.value();
    if (p.role() == Role.SITE) {
      return Result.fail(Problem.invalid("DR-7011", "`" + p.name() + "` is a site's key, for its node only: sign in"
          + " with a researcher's or the operator's key."));
    }
    return Result.ok(new User(p.name(), p.role().wire(), key));
  }

  /** Calls the broker as the user; a refusal becomes a page problem with the broker's message. */
  <T> T call(User user, Function<BrokerClient, Reply<T>> what) {
    Reply<T> r;
    try {
      r = what.apply(clients.computeIfAbsent(user.credential(), k -> BrokerClient.of(self.get(), k, tls)));
    } catch (UncheckedIOException e) {
      throw new PageProblem(503, "DR-7013 The broker's API does not answer the portal: try again shortly.");
    }
    if (r.isOk()) {
      return r.value();
    }
    if (r.status() == 401) {
      clients.remove(user.credential());
      revoked.accept(user);
      throw new PageProblem(401, "DR-7012 Your key is no longer accepted (revoked): ask the network operator for a"
          + " new one; nothing was changed.");
    }
    throw new PageProblem(r.status(), r.problem() == null ? "HTTP " + r.status() : r.problem().text());
  }

  /** As {@link #call}, but a refusal is returned as the reply for the page to show in place. */
  <T> Reply<T> reply(User user, Function<BrokerClient, Reply<T>> what) {
    try {
      Reply<T> r = what.apply(clients.computeIfAbsent(user.credential(), k -> BrokerClient.of(self.get(), k, tls)));
      if (r.status() == 401) {
        call(user, c -> r);
      }
      return r;
    } catch (UncheckedIOException e) {
      throw new PageProblem(503, "DR-7013 The broker's API does not answer the portal: try again shortly.");
    }
  }
}
