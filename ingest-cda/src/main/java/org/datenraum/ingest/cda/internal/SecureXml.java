package org.datenraum.ingest.cda.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.validation.Schema;
import org.datenraum.ingest.cda.CdaIssue;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The JDK's DOM parser hardened for documents from outside: no DOCTYPE at all (so no external
 * entities and no entity expansion), no external DTDs or schemas, no XInclude, secure processing
 * limits on. Thread-safe (one parser per thread).
 */
public final class SecureXml {

  private static final ThreadLocal<DocumentBuilder> BUILDERS = ThreadLocal.withInitial(SecureXml::builder);

  private SecureXml() {}

  /** A parsed document, or the issue that made it unreadable. */
  public record Parsed(Document document, CdaIssue issue) {}

  /** The parsed document, or the issue that made it unreadable (DR-7200, DR-7201). */
  public static Parsed parse(byte[] bytes) {
    try {
      return new Parsed(BUILDERS.get().parse(new ByteArrayInputStream(bytes)), null);
    } catch (SAXParseException e) {
      BUILDERS.remove();
      String where = "line " + e.getLineNumber() + ", column " + e.getColumnNumber();
      String message = e.getMessage() == null ? "" : e.getMessage();
      if (message.contains("DOCTYPE")) {
        return failed(CdaIssue.invalid("DR-7201", "security",
            "The document declares a DOCTYPE (" + where + "): CDA documents need none; remove the"
                + " declaration, entities are not expanded here.", "/"));
      }
      return failed(CdaIssue.invalid("DR-7200", "structure",
          "The document is not well-formed XML at " + where + ": `" + message
              + "`; send a complete document in the encoding its XML declaration names.", "/"));
    } catch (SAXException | IOException e) {
      BUILDERS.remove();
      return failed(CdaIssue.invalid("DR-7200", "structure",
          "The document is not readable XML: `" + e.getMessage() + "`; send a complete document.",
          "/"));
    }
  }

  private static Parsed failed(CdaIssue issue) {
    return new Parsed(null, issue);
  }

  private static DocumentBuilder builder() {
    return builder(null);
  }

  /**
   * A parser with this module's security settings; with a {@code schema}, one that validates the
   * document while it parses it and stops at the first error. Its DOM is the plain parser's: values
   * are not normalised and no default element content is added; the schema's default attributes
   * are present but not {@link org.w3c.dom.Attr#getSpecified() specified} ({@link Dom#attr} skips
   * them).
   */
  static DocumentBuilder builder(Schema schema) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      if (schema != null) {
        f.setSchema(schema);
        f.setFeature("http://apache.org/xml/features/validation/schema/normalized-value", false);
        f.setFeature("http://apache.org/xml/features/validation/schema/element-default", false);
        f.setFeature("http://apache.org/xml/features/dom/defer-node-expansion", false);
      }
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      DocumentBuilder b = f.newDocumentBuilder();
      b.setErrorHandler(new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {}

        @Override
        public void error(SAXParseException e) throws SAXException {
          throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
          throw e;
        }
      });
      return b;
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK's XML parser lacks a security feature", e);
    }
  }
}
