package org.datenraum.node.http;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a site-local key may do on the node's local HTTP port. */
public enum LocalRole {
  /** The site's data stewards: the site admin pages (approvals, statistics, quarantine, quality, audit). */
  SITE_ADMIN("site-admin"),
  /** A hospital system that posts documents to the node (e.g. the emergency department's CDA documents). */
  SITE_IMPORT("site-import");

  private final String wire;

  LocalRole(String wire) {
    this.wire = wire;
  }

  /** The role's name in key files, commands and logs. */
  public String wire() {
    return wire;
  }

  /** The role of a name as {@link #wire()} gives it. */
  public static Optional<LocalRole> ofWire(String name) {
    String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(r -> r.wire.equals(n)).findFirst();
  }

  /** The roles' names, for messages. */
  public static String names() {
    return String.join(", ", Arrays.stream(values()).map(LocalRole::wire).toList());
  }
}
