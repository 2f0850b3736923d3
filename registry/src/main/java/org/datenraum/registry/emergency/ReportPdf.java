package org.datenraum.registry.emergency;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** The report as PDF (OpenPDF), A4 landscape: per section the chart, its table beside it. Stateless. */
public final class ReportPdf {

  private static final Font H1 = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
  private static final Font H2 = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12);
  private static final Font TEXT = FontFactory.getFont(FontFactory.HELVETICA, 8);
  private static final Font HEAD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 8);

  private ReportPdf() {}

  public static byte[] of(MonthlyEmergencyReport r, String site) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document doc = new Document(PageSize.A4.rotate(), 30, 30, 30, 30);
    try {
      PdfWriter.getInstance(doc, out);
      doc.open();
      doc.add(new Paragraph("Monatsbericht Notaufnahme " + site + ", " + r.month(), H1));
      doc.add(new Paragraph("Zeiten wie dokumentiert. Zeiten unter 0 oder über 24 Stunden gelten als fehlend;"
          + " Triage später als " + MonthlyReports.TRIAGE_LIMIT + " und Arztkontakt später als "
          + MonthlyReports.PHYSICIAN_LIMIT + " Minuten nach Aufnahme sind in deren Statistik ausgelassen.", TEXT));
      for (ReportSections.Section s : ReportSections.of(r)) {
        section(doc, s);
      }
      doc.close();
    } catch (DocumentException | IOException e) {
      throw new UncheckedIOException(new IOException("the PDF could not be written: " + e.getMessage(), e));
    }
    return out.toByteArray();
  }

  private static void section(Document doc, ReportSections.Section s) throws DocumentException, IOException {
    PdfPTable layout = new PdfPTable(s.chart() == null ? new float[] {1} : new float[] {3, 2});
    layout.setWidthPercentage(100);
    layout.setKeepTogether(true);
    PdfPCell heading = new PdfPCell(new Phrase(s.heading(), H2));
    heading.setColspan(s.chart() == null ? 1 : 2);
    heading.setBorder(0);
    heading.setPaddingTop(10);
    layout.addCell(heading);
    if (s.chart() != null) {
      Image img = Image.getInstance(s.chart());
      img.scaleToFit(440, 300);
      PdfPCell chart = new PdfPCell(img, false);
      chart.setBorder(0);
      layout.addCell(chart);
    }
    PdfPCell table = new PdfPCell(table(s.table()));
    table.setBorder(0);
    layout.addCell(table);
    doc.add(layout);
  }

  private static PdfPTable table(List<List<String>> rows) {
    int columns = rows.isEmpty() ? 1 : rows.get(0).size();
    PdfPTable t = new PdfPTable(columns);
    t.setWidthPercentage(100);
    for (int i = 0; i < rows.size(); i++) {
      for (int c = 0; c < columns; c++) {
        PdfPCell cell = new PdfPCell(new Phrase(rows.get(i).get(c), i == 0 ? HEAD : TEXT));
        cell.setBorderWidth(0.2f);
        cell.setHorizontalAlignment(c == 0 ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT);
        t.addCell(cell);
      }
    }
    if (rows.isEmpty()) {
      t.addCell(new PdfPCell(new Phrase("")));
    }
    return t;
  }
}
