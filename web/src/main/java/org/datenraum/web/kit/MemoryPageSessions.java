package org.datenraum.web.kit;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.datenraum.broker.PageSessions;

/** Signed-in sessions kept in memory: a restart ends them (the node's site pages). Thread-safe. */
public final class MemoryPageSessions implements PageSessions {

  private final Map<String, Kept> byHash = new ConcurrentHashMap<>();

  @Override
  public void save(Kept session) {
    byHash.put(session.idHash(), session);
  }

  @Override
  public Optional<Kept> find(String idHash) {
    return Optional.ofNullable(byHash.get(idHash));
  }

  @Override
  public void seen(String idHash, Instant at) {
    byHash.computeIfPresent(idHash, (h, k) -> new Kept(h, k.name(), k.role(), k.sealed(), at, k.ends()));
  }

  @Override
  public void delete(String idHash) {
    byHash.remove(idHash);
  }

  @Override
  public void deleteAllOf(String name) {
    byHash.values().removeIf(k -> k.name().equals(name));
  }

  @Override
  public int deleteEnded(Instant now, Instant idleSince) {
    int before = byHash.size();
    byHash.values().removeIf(k -> !now.isBefore(k.ends()) || !k.lastSeen().isAfter(idleSince));
    return before - byHash.size();
  }
}
