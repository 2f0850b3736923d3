package org.datenraum.ingest.cda;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.datenraum.core.ResourceRecord;
import org.datenraum.ingest.cda.internal.EdDocument;
import org.datenraum.ingest.cda.internal.VisitMapper;

/**
 * One document after {@link CdaImport#check}: refused (status and issues), or read and mapped to
 * the visit's resources for the patient its identifier names when the store links it to no other
 * patient. Made in parallel, stored in order by {@link CdaImport#store}. Holds pseudonyms only
 * besides the read document, which is never logged. Immutable.
 */
public final class CheckedDocument {

  private final String source;
  private final int status;
  private final List<CdaIssue> issues;
  private final EdDocument document;
  private final VisitMapper.Subjects subjects;
  private final List<ResourceRecord> visit;

  private CheckedDocument(String source, int status, List<CdaIssue> issues, EdDocument document,
      VisitMapper.Subjects subjects, List<ResourceRecord> visit) {
    this.source = requireNonNull(source, "source");
    this.status = status;
    this.issues = List.copyOf(issues);
    this.document = document;
    this.subjects = subjects;
    this.visit = visit == null ? null : List.copyOf(visit);
  }

  static CheckedDocument refused(String source, int status, List<CdaIssue> issues) {
    if (issues.isEmpty()) {
      throw new IllegalArgumentException("a refused document needs an issue");
    }
    return new CheckedDocument(source, status, issues, null, null, null);
  }

  static CheckedDocument accepted(String source, EdDocument document, VisitMapper.Subjects subjects,
      List<ResourceRecord> visit) {
    return new CheckedDocument(source, 0, List.of(), requireNonNull(document, "document"),
        requireNonNull(subjects, "subjects"), requireNonNull(visit, "visit"));
  }

  /** Where the document came from (a file name, {@code HTTP} and the caller). */
  public String source() {
    return source;
  }

  /** Whether the checks refused it. */
  public boolean refused() {
    return document == null;
  }

  int status() {
    return status;
  }

  List<CdaIssue> issues() {
    return issues;
  }

  EdDocument document() {
    return document;
  }

  VisitMapper.Subjects subjects() {
    return subjects;
  }

  /** The visit's resources for the patient pseudonym of the document's own identifier. */
  List<ResourceRecord> visit() {
    return visit;
  }
}
