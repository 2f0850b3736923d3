package org.datenraum.broker.internal;

import org.datenraum.federation.v1.Role;

/** The authenticated principal of one API call. Immutable. */
record Caller(String name, Role role) {}
