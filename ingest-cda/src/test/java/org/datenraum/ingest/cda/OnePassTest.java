package org.datenraum.ingest.cda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.datenraum.ingest.cda.internal.CdaReader;
import org.datenraum.ingest.cda.internal.CdaSchema;
import org.datenraum.ingest.cda.internal.Dom;
import org.datenraum.ingest.cda.internal.EdDocument;
import org.datenraum.ingest.cda.internal.SecureXml;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;

/**
 * The one-pass check (parsed and validated at once) decides and reads every one of AKTIN's
 * documents exactly as parsing and then validating the parsed document does.
 */
class OnePassTest {

  private static final CdaSchema SCHEMA = CdaSchema.load();

  @Test
  void everyDocumentIsValidAndReadAsInTwoPasses() throws IOException {
    int valid = 0;
    for (Path file : documents()) {
      byte[] bytes = Files.readAllBytes(file);
      Document twice = SecureXml.parse(bytes).document();
      boolean validInTwoPasses = twice != null && "ClinicalDocument".equals(twice.getDocumentElement().getLocalName())
          && SCHEMA.validate(twice).isEmpty();
      Document once = SCHEMA.parseValid(bytes);
      assertEquals(validInTwoPasses, once != null, file.getFileName().toString());
      if (validInTwoPasses) {
        valid++;
        EdDocument read = CdaReader.read(once.getDocumentElement(), CdaImport.TEMPLATES);
        EdDocument expected = CdaReader.read(twice.getDocumentElement(), CdaImport.TEMPLATES);
        assertEquals(expected.header(), read.header(), file.getFileName().toString());
        assertEquals(expected.entries(), read.entries(), file.getFileName().toString());
      }
    }
    assertTrue(valid >= 15, "AKTIN's valid examples and storyboards, found " + valid);
  }

  @Test
  void theSchemasDefaultAttributesAreNotRead() throws IOException {
    Document once = SCHEMA.parseValid(Files.readAllBytes(TestData.of("aktin/cda/storyboards/aktin_test_storyboard01.xml")));
    assertNotNull(once);
    int defaulted = 0;
    NodeList all = once.getElementsByTagNameNS("*", "*");
    for (int i = 0; i < all.getLength(); i++) {
      NamedNodeMap attributes = all.item(i).getAttributes();
      for (int j = 0; j < attributes.getLength(); j++) {
        Attr a = (Attr) attributes.item(j);
        if (!a.getSpecified()) {
          defaulted++;
          assertFalse(a.getValue().isEmpty());
          assertNull(Dom.attr((Element) all.item(i), a.getName()), a.getName() + " is the schema's, not the document's");
        }
      }
    }
    assertTrue(defaulted > 0, "the validating parser adds the schema's default attributes");
  }

  private static List<Path> documents() throws IOException {
    try (Stream<Path> files = Files.walk(TestData.of("aktin/cda"))) {
      return files.filter(f -> f.toString().endsWith(".xml")).sorted().toList();
    }
  }
}
