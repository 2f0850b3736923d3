package org.datenraum.broker.internal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Supplier;
import org.datenraum.core.BuiltOnce;

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
  private final BuiltOnce<Key, Built> kept;

  SurveillanceViews(int capacity) {
    this.kept = new BuiltOnce<>(capacity);
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
    return kept.get(key, () -> new Built(tag(key), build.get().getBytes(StandardCharsets.UTF_8)));
  }
}
