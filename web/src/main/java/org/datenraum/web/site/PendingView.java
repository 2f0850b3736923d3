package org.datenraum.web.site;

import java.time.Instant;

/** A request waiting for a person, as the approval queue shows it. Immutable. */
public record PendingView(String id, String type, String researcher, Instant created, Instant expires,
    String readable, String json) {}
