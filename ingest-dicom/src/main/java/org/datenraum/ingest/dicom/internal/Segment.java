package org.datenraum.ingest.dicom.internal;

import org.datenraum.core.Coding;

/**
 * One segment of a DICOM Segmentation (PS3.3 C.8.20.4): number, label, property category and
 * type, algorithm type and name. Immutable.
 */
public record Segment(int number, String label, Coding category, Coding type, String algorithmType,
    String algorithmName) {}
