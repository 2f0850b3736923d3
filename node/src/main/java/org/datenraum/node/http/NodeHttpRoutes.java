package org.datenraum.node.http;

/**
 * A contribution of routes to the node's local HTTP port: a module that serves something on the
 * site's own network (the site admin pages, a document import) implements this and is handed to
 * {@link NodeHttp#start}. Paths should begin with the contribution's own prefix.
 */
@FunctionalInterface
public interface NodeHttpRoutes {

  /** Adds the contribution's routes. */
  void register(LocalRoutes routes);

  /** Called once the port has stopped: finishes the contribution's work and frees what it holds. */
  default void close() {}
}
