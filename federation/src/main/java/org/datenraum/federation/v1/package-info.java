/**
 * Version 1 of the wire protocol between researchers, the broker and site nodes: immutable
 * records that travel as JSON (see {@link org.datenraum.federation.v1.WireJson}). A version 2
 * lives beside this package; nothing here changes incompatibly.
 */
package org.datenraum.federation.v1;
