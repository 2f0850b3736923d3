package org.datenraum.federation.v1;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Where a request stands at one site: queued → retrieved → (interaction) → processing →
 * completed | rejected | failed | expired.
 */
public enum SiteStatus {
  QUEUED, RETRIEVED, INTERACTION, PROCESSING, COMPLETED, REJECTED, FAILED, EXPIRED;

  /** Whether nothing more will happen at this site. */
  public boolean terminal() {
    return ordinal() >= COMPLETED.ordinal();
  }

  /**
   * Whether a site may report this move. Retrieved, interaction and processing may repeat (a node
   * that restarts reports them again); completed is set by uploading a result, expired by the broker.
   */
  public boolean nodeMayMoveTo(SiteStatus next) {
    if (terminal()) {
      return false;
    }
    return switch (next) {
      case RETRIEVED, INTERACTION, PROCESSING, REJECTED, FAILED -> true;
      default -> false;
    };
  }

  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static SiteStatus ofWire(String text) {
    for (SiteStatus s : values()) {
      if (s.wire().equals(text)) {
        return s;
      }
    }
    throw new IllegalArgumentException("`" + text + "` is not a site status.");
  }
}
