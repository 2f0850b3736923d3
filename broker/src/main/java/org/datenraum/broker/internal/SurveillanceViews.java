package org.datenraum.broker.internal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * The surveillance views built last, as JSON with an entity tag: keyed by the ledger's version,
 * the day and the bounds asked. The tag names this broker process (a restart starts new tags) and
 * the key, so a tag a client holds matches only while nothing changed. Thread-safe; a read of a
 * key that is being built waits for that build instead of building it again.
 */
final class SurveillanceViews {

  /** What one view depends on besides the stored data: the version, today and the bounds asked. */
  record Key(long version, LocalDate today, LocalDate from, LocalDate to) {}

  /** A view: its tag (a quoted entity tag for {@code ETag}) and its JSON, null when the client holds it. */
  record Built(String tag, byte[] json) {}

  private final String epoch = UUID.randomUUID().toString().substring(0, 8);
  private final int capacity;
  private final Map<Key, CompletableFuture<Built>> kept = new LinkedHashMap<>(16, 0.75f, true);

  SurveillanceViews(int capacity) {
    this.capacity = capacity;
  }

  /** The tag a view of this key has, without building it. */
  String tag(Key k) {
    return "\"" + epoch + "-" + k.version() + "-" + k.today() + "-" + k.from() + "-" + k.to() + "\"";
  }

  /**
   * The view of this key, taken from those kept or built; with no JSON when {@code held} (a
   * client's {@code If-None-Match}) is already its tag.
   */
  Built get(Key key, String held, Supplier<String> build) {
    if (tag(key).equals(held)) {
      return new Built(held, null);
    }
    CompletableFuture<Built> mine = new CompletableFuture<>();
    CompletableFuture<Built> found;
    synchronized (kept) {
      found = kept.get(key);
      if (found == null) {
        kept.put(key, mine);
        if (kept.size() > capacity) {
          kept.remove(kept.keySet().iterator().next());
        }
      }
    }
    if (found != null) {
      return await(found);
    }
    try {
      Built b = new Built(tag(key), build.get().getBytes(StandardCharsets.UTF_8));
      mine.complete(b);
      return b;
    } catch (RuntimeException e) {
      synchronized (kept) {
        kept.remove(key, mine);
      }
      mine.completeExceptionally(e);
      throw e;
    }
  }

  private static Built await(CompletableFuture<Built> building) {
    try {
      return building.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }
}
