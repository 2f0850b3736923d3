package org.datenraum.app.report;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.datenraum.registry.icu.Figures;
import org.datenraum.registry.icu.IcuReport;

/** The ICU report as a PDF (OpenPDF): the indicator table and the max SOFA histograms. */
final class IcuReportPdf {

  private static final Font BODY = new Font(Font.HELVETICA, 9);
  private static final Font HEAD = new Font(Font.HELVETICA, 9, Font.BOLD);

  private IcuReportPdf() {}

  static byte[] render(IcuReport r) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Document doc = new Document(PageSize.A4, 40, 40, 40, 40);
    PdfWriter writer = PdfWriter.getInstance(doc, bytes);
    doc.open();
    doc.add(new Paragraph("Intensive care report", new Font(Font.HELVETICA, 16, Font.BOLD)));
    doc.add(new Paragraph(IcuReportHtml.period(r) + " Stays without a birth date: "
        + r.staysWithoutAge() + ".", BODY));
    PdfPTable table = new PdfPTable(new float[] {6, 1.6f, 1.6f, 1.6f});
    table.setWidthPercentage(100);
    table.setSpacingBefore(10);
    for (String head : List.of("", "all", "adults", "children")) {
      table.addCell(cell(head, HEAD));
    }
    List<Figures> groups = List.of(r.all(), r.adults(), r.children());
    for (IcuReportRows.Row row : IcuReportRows.ROWS) {
      table.addCell(cell(row.label(), BODY));
      for (Figures f : groups) {
        table.addCell(cell(IcuReportRows.text(f, row), BODY));
      }
    }
    doc.add(table);
    doc.newPage();
    doc.add(new Paragraph("Highest SOFA per stay: adults (top), children (bottom)", HEAD));
    PdfContentByte canvas = writer.getDirectContent();
    bars(canvas, IcuReportRows.histogram(r.adults()), 560);
    bars(canvas, IcuReportRows.histogram(r.children()), 300);
    doc.close();
    return bytes.toByteArray();
  }

  private static PdfPCell cell(String text, Font font) {
    PdfPCell c = new PdfPCell(new Phrase(text, font));
    c.setBorderWidth(0.3f);
    c.setHorizontalAlignment(text.isEmpty() || Character.isLetter(text.charAt(0))
        && !text.equals("all") ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT);
    return c;
  }

  /** Bars of stays per score 0..24, with their scores below, from {@code y} on the page. */
  private static void bars(PdfContentByte c, int[] counts, float y) {
    int max = 1;
    for (int n : counts) {
      max = Math.max(max, n);
    }
    float w = 20;
    float height = 180;
    BaseFont font = BODY.getCalculatedBaseFont(false);
    for (int i = 0; i < counts.length; i++) {
      float bar = counts[i] * height / max;
      c.setColorFill(new Color(0x3b, 0x6e, 0xa5));
      c.rectangle(50 + i * w, y, w - 3, bar);
      c.fill();
      c.beginText();
      c.setColorFill(Color.BLACK);
      c.setFontAndSize(font, 7);
      c.showTextAligned(Element.ALIGN_CENTER, Integer.toString(i), 50 + i * w + (w - 3) / 2, y - 10, 0);
      if (counts[i] > 0) {
        c.showTextAligned(Element.ALIGN_CENTER, Integer.toString(counts[i]),
            50 + i * w + (w - 3) / 2, y + bar + 3, 0);
      }
      c.endText();
    }
  }
}
