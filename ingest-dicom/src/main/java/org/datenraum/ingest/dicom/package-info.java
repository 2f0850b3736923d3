/** DICOM metadata and structured reports to facts; pixel data never reach the store. */
package org.datenraum.ingest.dicom;
