package org.datenraum.web.site;

import java.time.Instant;

/** A request the site has seen, with its state, as the approval page lists it. Immutable. */
public record RecentView(String id, String type, String researcher, String state, Instant updated, String note) {}
