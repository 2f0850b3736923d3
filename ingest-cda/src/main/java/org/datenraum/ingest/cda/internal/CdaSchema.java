package org.datenraum.ingest.cda.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.datenraum.ingest.cda.CdaIssue;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The CDA R2 schema with HL7's SDTC extensions, compiled once from this module's resources.
 * Validation reports every schema error with the XPath of the element it was found in.
 * Thread-safe: the compiled schema is shared, each thread validates with its own validator.
 */
public final class CdaSchema {

  /** More schema errors than this are not listed one by one. */
  static final int MAX_ISSUES = 50;
  private static final String CURRENT_NODE = "http://apache.org/xml/properties/dom/current-element-node";

  /** A validator per thread: making one costs about as much as validating a document. */
  private final ThreadLocal<Validator> validators;
  /** A validating parser per thread. */
  private final ThreadLocal<DocumentBuilder> parsers;

  private CdaSchema(Schema schema) {
    this.validators = ThreadLocal.withInitial(schema::newValidator);
    this.parsers = ThreadLocal.withInitial(() -> SecureXml.builder(schema));
  }

  /** The schema shipped in this module, compiled once per process (it is immutable). */
  public static CdaSchema load() {
    return Compiled.SCHEMA;
  }

  /** Holds the compiled schema, made at first use. */
  private static final class Compiled {
    static final CdaSchema SCHEMA = compile();
  }

  /**
   * The document parsed and validated in one pass, when it is well-formed and valid; null when it
   * is not (then {@link SecureXml#parse} and {@link #validate} say why). The parser has the
   * security settings of {@link SecureXml}.
   */
  public Document parseValid(byte[] bytes) {
    try {
      return parsers.get().parse(new ByteArrayInputStream(bytes));
    } catch (SAXException | IOException | RuntimeException e) {
      parsers.remove();
      return null;
    }
  }

  private static CdaSchema compile() {
    URL entry = CdaSchema.class.getResource("/org/datenraum/ingest/cda/schema/infrastructure/cda/CDA_SDTC.xsd");
    if (entry == null) {
      throw new IllegalStateException("the CDA schema is missing from the ingest-cda module's resources");
    }
    try {
      SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar,jrt");
      return new CdaSchema(f.newSchema(new StreamSource(entry.toExternalForm())));
    } catch (SAXException e) {
      throw new IllegalStateException("the CDA schema does not compile: " + e.getMessage(), e);
    }
  }

  /** The schema errors of the document, empty when it is valid. */
  public List<CdaIssue> validate(Document document) {
    Validator v = validators.get();
    List<CdaIssue> issues = new ArrayList<>();
    try {
      v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      v.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      v.setErrorHandler(new Collector(v, issues));
      v.validate(new DOMSource(document));
    } catch (SAXException | IOException e) {
      if (issues.isEmpty()) {
        issues.add(issue(e.getMessage(), "/"));
      }
    } finally {
      v.setErrorHandler(null);
    }
    return issues;
  }

  private static CdaIssue issue(String message, String xpath) {
    return CdaIssue.invalid("DR-7202", "structure", "The document breaks the CDA schema at `" + xpath
        + "`: " + message + " Correct the element as the CDA R2 schema defines it.", xpath);
  }

  /** Collects errors with the element being validated; stops after {@link #MAX_ISSUES}. */
  private record Collector(Validator validator, List<CdaIssue> issues) implements ErrorHandler {

    @Override
    public void warning(SAXParseException e) {}

    @Override
    public void error(SAXParseException e) throws SAXException {
      String xpath = "/";
      try {
        xpath = Dom.xpath((Node) validator.getProperty(CURRENT_NODE));
      } catch (SAXException | ClassCastException unknown) {
        // the validator does not say where: the whole document
      }
      issues.add(issue(e.getMessage(), xpath));
      if (issues.size() >= MAX_ISSUES) {
        throw e;
      }
    }

    @Override
    public void fatalError(SAXParseException e) throws SAXException {
      error(e);
      throw e;
    }
  }
}
