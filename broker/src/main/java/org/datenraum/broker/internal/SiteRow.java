package org.datenraum.broker.internal;

import java.time.Instant;
import org.datenraum.federation.v1.SiteStatus;

/** One site's state of one request as stored. Immutable. */
record SiteRow(String requestId, String site, SiteStatus status, Instant updated, String message, String result) {}
