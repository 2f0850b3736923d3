/** AKTIN emergency department CDA documents to facts, with the AKTIN validation rules. */
package org.datenraum.ingest.cda;
