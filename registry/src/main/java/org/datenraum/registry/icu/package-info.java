/**
 * Intensive care quality indicators as RAPID and the DIVI define them, computed from a site's
 * facts: ICU stays, an hourly grid per stay, ventilation episodes, predicted body weight, tidal
 * volume per kg, SOFA over a rolling 24 h window, sedation monitoring. Definitions in
 * {@code docs/icu.md}. Pure functions: no I/O; {@link org.datenraum.registry.icu.IcuFacts} is the
 * port through which a store hands the facts in.
 */
package org.datenraum.registry.icu;
