package org.datenraum.app.report;

/** The file formats a registry report is written in. */
enum ReportFormat { json, html, pdf }
