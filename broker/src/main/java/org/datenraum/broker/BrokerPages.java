package org.datenraum.broker;

import io.javalin.Javalin;
import java.net.URI;
import java.util.Optional;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

/**
 * Pages served beside the API on the broker's server (the portal). They reach the broker through
 * its own API at {@code self}, as any client does.
 */
@FunctionalInterface
public interface BrokerPages {

  /** No pages: the API only. */
  BrokerPages NONE = (app, self, selfTls, sessions) -> { };

  /**
   * Registers the pages' routes; called before the server starts.
   *
   * @param app   the broker's server
   * @param self  the broker's own address, known once it listens
   * @param selfTls with HTTPS, the TLS context for the pages' calls of the broker's own API
   *                (it trusts the broker's own certificate); empty with plain HTTP
   * @param sessions where the pages keep their signed-in sessions (the broker's database)
   */
  void routes(Javalin app, Supplier<URI> self, Optional<SSLContext> selfTls, PageSessions sessions);

  /**
   * Receives the network's whole surveillance view (no bounds) that the broker built ahead of its
   * readers after new data: its entity tag and JSON, exactly as {@code GET /v1/surveillance}
   * answers them, so pages can prepare what they show from it before anyone asks. Called on the
   * broker's own thread, never before {@link #routes}; the default ignores it.
   */
  default void surveillanceBuilt(String tag, byte[] json) {
  }
}
