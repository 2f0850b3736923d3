package org.datenraum.ingest.cda;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.datenraum.core.Problem;
import org.datenraum.core.QuarantineEntry;
import org.datenraum.core.ResourceKey;
import org.datenraum.core.ResourceRecord;
import org.datenraum.core.WriteBatch;
import org.datenraum.ingest.cda.internal.BusinessRules;
import org.datenraum.ingest.cda.internal.CdaReader;
import org.datenraum.ingest.cda.internal.CdaSchema;
import org.datenraum.ingest.cda.internal.Dom;
import org.datenraum.ingest.cda.internal.EdDocument;
import org.datenraum.ingest.cda.internal.ResourceJson;
import org.datenraum.ingest.cda.internal.SecureXml;
import org.datenraum.ingest.cda.internal.VisitMapper;
import org.datenraum.privacy.KeyedPseudonymizer;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The receiver of AKTIN's emergency department CDA documents: checks a document (size, XML,
 * CDA schema, AKTIN's rules), pseudonymises it and stores the visit, replacing an older
 * document's facts for the same encounter; a refused document is quarantined and nothing stored
 * is touched. Thread-safe: documents are checked in parallel ({@link #check}), stored in groups
 * one group at a time ({@link #store}), each group in one write.
 */
public final class CdaImport {

  /** Basismodul v2 and the 2026 transition version. */
  public static final Set<String> TEMPLATES = Set.of("1.2.276.0.76.10.1019", "1.2.276.0.76.3.1.195.10.93");
  /** The default size limit: 30 times AKTIN's largest example document. */
  public static final int DEFAULT_MAX_BYTES = 2 * 1024 * 1024;
  /** Where a stored encounter is found, as AKTIN's server names it. */
  public static final String LOCATION = "/aktin/cda/fhir/Binary/";

  private final CdaSchema schema;
  private final VisitMapper mapper;
  private final int maxBytes;

  private CdaImport(CdaSchema schema, VisitMapper mapper, int maxBytes) {
    this.schema = schema;
    this.mapper = mapper;
    this.maxBytes = maxBytes;
  }

  public static CdaImport of(KeyedPseudonymizer keyed) {
    return of(keyed, DEFAULT_MAX_BYTES);
  }

  /** A receiver that refuses documents over {@code maxBytes} with 413. */
  public static CdaImport of(KeyedPseudonymizer keyed, int maxBytes) {
    if (maxBytes < 1) {
      throw new IllegalArgumentException("the size limit must be positive, not " + maxBytes);
    }
    return new CdaImport(CdaSchema.load(), new VisitMapper(keyed), maxBytes);
  }

  public int maxBytes() {
    return maxBytes;
  }

  /**
   * Receives one document: checks it and stores it (or its refusal) in one write to {@code store}.
   *
   * @param source where it came from (a file name, {@code HTTP}), for the quarantine
   */
  public ImportAnswer receive(String source, byte[] document, VisitStore store) {
    requireNonNull(store, "store");
    return store(List.of(check(source, document)), store).get(0);
  }

  /**
   * Receives documents as one group: checked in parallel (on the common pool), then stored in
   * order as {@link #store} does. The answers are in the documents' order.
   */
  public List<ImportAnswer> receiveAll(List<Incoming> documents, VisitStore store) {
    requireNonNull(store, "store");
    return store(checkAll(documents), store);
  }

  /** Checks documents in parallel (on the common pool), in their order; touches no store. */
  public List<CheckedDocument> checkAll(List<Incoming> documents) {
    return documents.parallelStream().map(d -> check(d.source(), d.bytes())).toList();
  }

  /** A document to receive and where it came from. */
  public record Incoming(String source, byte[] bytes) {
    public Incoming {
      requireNonNull(source, "source");
      requireNonNull(bytes, "bytes");
    }
  }

  /**
   * Checks one document (size, XML, CDA schema, AKTIN's rules) and maps it to the visit's
   * resources; touches no store. Thread-safe: documents are checked in parallel.
   */
  public CheckedDocument check(String source, byte[] document) {
    requireNonNull(source, "source");
    if (document.length > maxBytes) {
      return tooLarge(source, document.length);
    }
    Document doc = schema.parseValid(document);
    if (doc == null || !isClinicalDocument(doc.getDocumentElement())) {
      CheckedDocument refused = refusal(source, document);
      if (refused != null) {
        return refused;
      }
      doc = SecureXml.parse(document).document();
    }
    Element root = doc.getDocumentElement();
    EdDocument ed = CdaReader.read(root, TEMPLATES);
    List<CdaIssue> issues = BusinessRules.check(ed, TEMPLATES);
    if (!issues.isEmpty()) {
      return CheckedDocument.refused(source, 422, issues);
    }
    VisitMapper.Subjects s = mapper.subjects(ed);
    return CheckedDocument.accepted(source, ed, s, mapper.visit(ed, s.fallbackPatient(), s.encounter()));
  }

  /**
   * Why a document that did not pass the validating parser is refused: parsed again and validated
   * on its own, so that every schema error is listed with the XPath of its element; null if this
   * finds no issue after all.
   */
  private CheckedDocument refusal(String source, byte[] document) {
    SecureXml.Parsed parsed = SecureXml.parse(document);
    if (parsed.issue() != null) {
      return CheckedDocument.refused(source, 422, List.of(parsed.issue()));
    }
    Element root = parsed.document().getDocumentElement();
    if (!isClinicalDocument(root)) {
      return CheckedDocument.refused(source, 422, List.of(CdaIssue.invalid("DR-7203", "structure",
          "The document's root element is `" + root.getTagName() + "`, not a `ClinicalDocument`"
              + " in namespace `urn:hl7-org:v3`: send an HL7 CDA R2 document.", Dom.xpath(root))));
    }
    List<CdaIssue> issues = schema.validate(parsed.document());
    return issues.isEmpty() ? null : CheckedDocument.refused(source, 422, issues);
  }

  private static boolean isClinicalDocument(Element root) {
    return "ClinicalDocument".equals(root.getLocalName()) && Dom.HL7.equals(root.getNamespaceURI());
  }

  /**
   * The refusal (413) of a document over the size limit, for a caller that stopped reading it at
   * the limit: {@code bytes} is its whole length when known (a declared {@code Content-Length}),
   * else -1.
   */
  public CheckedDocument tooLarge(String source, long bytes) {
    requireNonNull(source, "source");
    String size = bytes < 0 ? "more than " + maxBytes + " bytes" : bytes + " bytes, more than the limit of " + maxBytes;
    return CheckedDocument.refused(source, 413, List.of(CdaIssue.invalid("DR-7212", "too-costly",
        "The document has " + size + ": send one encounter's document per request.", "/")));
  }

  /**
   * Stores checked documents in order, each answered as if it came alone after those before it
   * (a second document of an encounter is an update, 200), in one write to {@code store}: what
   * is stored is read at once beforehand, the visits (and the refused documents' quarantine
   * entries) are written as one batch. When the write fails, no answer is given (the exception
   * is thrown) and nothing of the group is stored. Calls are serialised.
   */
  public synchronized List<ImportAnswer> store(List<CheckedDocument> documents, VisitStore store) {
    BufferedVisitStore group = new BufferedVisitStore(store, Integer.MAX_VALUE);
    Set<ResourceKey> encounters = new HashSet<>();
    Set<String> identifiers = new HashSet<>();
    for (CheckedDocument d : documents) {
      if (!d.refused()) {
        encounters.add(new ResourceKey("Encounter", d.subjects().encounter()));
        identifiers.add(d.subjects().identifier());
      }
    }
    group.prefetch(encounters, identifiers);
    List<ImportAnswer> answers = new ArrayList<>(documents.size());
    for (CheckedDocument d : documents) {
      answers.add(d.refused() ? refuse(d.status(), d.source(), group, d.issues()) : storeOne(d, group));
    }
    group.flush();
    return answers;
  }

  private ImportAnswer storeOne(CheckedDocument d, VisitStore store) {
    VisitMapper.Subjects s = d.subjects();
    EdDocument ed = d.document();
    String patient = store.patientByIdentifier(s.identifier()).orElse(s.fallbackPatient());
    Optional<String> stored = store.resourceJson(new ResourceKey("Encounter", s.encounter()));
    Set<ResourceKey> old = new HashSet<>();
    if (stored.isPresent()) {
      ResourceJson.Stored before = ResourceJson.read(stored.get());
      if (!before.patient().equals(patient)) {
        return refuse(409, d.source(), store, List.of(new CdaIssue(new Problem(Problem.Category.CONFLICT,
            "DR-7213", "The encounter at `/cda:ClinicalDocument/cda:componentOf/cda:encompassingEncounter/cda:id`"
                + " is stored for another patient: a document may not move an encounter to another"
                + " patient; correct the patient identifier or the encounter identifier."),
            "conflict", "/cda:ClinicalDocument/cda:componentOf/cda:encompassingEncounter/cda:id")));
      }
      before.parts().forEach(p -> old.add(key(p)));
    }
    List<ResourceRecord> upserts = new ArrayList<>();
    if (patient.equals(s.fallbackPatient()) || !store.hasPatient(patient)) {
      upserts.add(mapper.patient(ed, patient));
    }
    upserts.addAll(patient.equals(s.fallbackPatient()) ? d.visit() : mapper.visit(ed, patient, s.encounter()));
    upserts.forEach(r -> old.remove(r.key()));
    store.write(new WriteBatch(upserts, List.copyOf(old), Map.of(s.identifier(), patient), List.of()));
    return new ImportAnswer(stored.isPresent() ? 200 : 201, LOCATION + s.encounter(), List.of());
  }

  private static ResourceKey key(String typeSlashId) {
    int slash = typeSlashId.indexOf('/');
    return new ResourceKey(typeSlashId.substring(0, slash), typeSlashId.substring(slash + 1));
  }

  private static ImportAnswer refuse(int status, String source, VisitStore store, List<CdaIssue> issues) {
    CdaIssue first = issues.get(0);
    store.write(new WriteBatch(List.of(), List.of(), Map.of(), List.of(new QuarantineEntry(source,
        first.xpath(), "ClinicalDocument", null, first.problem()))));
    return new ImportAnswer(status, null, issues);
  }
}
