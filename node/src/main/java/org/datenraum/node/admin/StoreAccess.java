package org.datenraum.node.admin;

import java.util.function.Function;
import org.datenraum.core.Result;
import org.datenraum.store.SiteStore;

/**
 * How the site admin pages reach the site store for one reading: the store a process holds open,
 * or the store opened for the reading and closed after it (then another process's load may hold
 * it, which is a problem to show, not an error).
 */
public interface StoreAccess {

  /** The result of {@code reading} the store, or the problem why the store cannot be read now. */
  <T> Result<T> read(Function<SiteStore, T> reading);
}
