package org.datenraum.federation.v1;

/** One line of a per-site breakdown: a random label in place of the site's name. Immutable. */
public record SiteCount(String label, long count) {

  public SiteCount {
    Fields.text(label, "label");
  }
}
