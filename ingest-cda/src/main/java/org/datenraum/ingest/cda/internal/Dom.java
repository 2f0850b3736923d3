package org.datenraum.ingest.cda.internal;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Navigation in a CDA DOM (namespace {@code urn:hl7-org:v3}) and XPaths of its nodes. Stateless. */
public final class Dom {

  public static final String HL7 = "urn:hl7-org:v3";
  static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

  private Dom() {}

  /** The HL7 child elements of {@code e} with this local name. */
  public static List<Element> children(Element e, String name) {
    List<Element> out = new ArrayList<>();
    if (e == null) {
      return out;
    }
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element c && HL7.equals(c.getNamespaceURI()) && name.equals(c.getLocalName())) {
        out.add(c);
      }
    }
    return out;
  }

  /** The first HL7 child element with this local name, or null. */
  public static Element child(Element e, String name) {
    if (e == null) {
      return null;
    }
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element c && HL7.equals(c.getNamespaceURI()) && name.equals(c.getLocalName())) {
        return c;
      }
    }
    return null;
  }

  /** The element at this path of child names, or null. */
  public static Element path(Element e, String... names) {
    Element at = e;
    for (String n : names) {
      at = child(at, n);
      if (at == null) {
        return null;
      }
    }
    return at;
  }

  /** The attribute's value as written in the document, or null when absent or empty. */
  public static String attr(Element e, String name) {
    Attr a = e == null ? null : e.getAttributeNode(name);
    if (a == null || !a.getSpecified()) {
      return null;
    }
    String v = a.getValue().strip();
    return v.isEmpty() ? null : v;
  }

  /** The HL7 parent element, or null. */
  public static Element parent(Element e) {
    return e.getParentNode() instanceof Element p ? p : null;
  }

  /** An XPath to the node, HL7 elements prefixed {@code cda:}, indexed where siblings share a name. */
  public static String xpath(Node node) {
    if (node == null) {
      return "/";
    }
    if (node instanceof Attr a) {
      return xpath(a.getOwnerElement()) + "/@" + a.getName();
    }
    StringBuilder out = new StringBuilder();
    for (Node n = node; n instanceof Element e; n = n.getParentNode()) {
      out.insert(0, step(e));
    }
    return out.length() == 0 ? "/" : out.toString();
  }

  /** The XPath of an attribute of an element. */
  public static String xpath(Element e, String attribute) {
    return xpath(e) + "/@" + attribute;
  }

  private static String step(Element e) {
    String name = (HL7.equals(e.getNamespaceURI()) ? "cda:" : "") + e.getLocalName();
    int index = 0;
    int same = 0;
    for (Node n = e.getParentNode() == null ? null : e.getParentNode().getFirstChild(); n != null;
        n = n.getNextSibling()) {
      if (n instanceof Element s && e.getLocalName().equals(s.getLocalName())
          && java.util.Objects.equals(e.getNamespaceURI(), s.getNamespaceURI())) {
        same++;
        if (s == e) {
          index = same;
        }
      }
    }
    return "/" + name + (same > 1 ? "[" + index + "]" : "");
  }
}
