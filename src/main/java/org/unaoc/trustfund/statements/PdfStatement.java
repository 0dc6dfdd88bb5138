package org.unaoc.trustfund.statements;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfPageEventHelper;
import org.openpdf.text.pdf.PdfTemplate;
import org.openpdf.text.pdf.PdfWriter;

/**
 * A statement as PDF: a header with the fund, the statement, its period and PROVISIONAL or FINAL;
 * the table; a footer on every page with when and by whom it was generated, the last entry
 * included, the trial-balance hash of a closed period, and page x of y. The font is embedded
 * (DejaVu Sans, reports/fonts) so that Türkiye, Côte d'Ivoire and Arabic names print.
 */
final class PdfStatement {

    private static final BaseFont REGULAR = ReportFonts.REGULAR;
    private static final BaseFont BOLD = ReportFonts.BOLD;

    private PdfStatement() {
    }

    static byte[] render(StatementTable table, String user) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(table.columns().size() > 4 ? PageSize.A4.rotate() : PageSize.A4, 36, 36, 54, 54);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        writer.setPageEvent(new Footer(table, user));
        document.addTitle(table.title());
        document.open();
        document.add(new Paragraph(table.fund(), new Font(BOLD, 11)));
        document.add(new Paragraph(table.title(), new Font(BOLD, 15)));
        document.add(new Paragraph("Period: " + table.from() + " to " + table.to() + "    " + table.status()
                + "    Amounts in USD unless stated", new Font(REGULAR, 9)));
        document.add(new Paragraph(" ", new Font(REGULAR, 6)));
        document.add(body(table));
        document.close();
        return out.toByteArray();
    }

    private static PdfPTable body(StatementTable table) {
        PdfPTable pdf = new PdfPTable(table.columns().size());
        pdf.setWidthPercentage(100);
        pdf.setHeaderRows(1);
        for (String column : table.columns()) {
            PdfPCell cell = new PdfPCell(new Phrase(column, new Font(BOLD, 8)));
            cell.setBackgroundColor(new java.awt.Color(230, 235, 242));
            pdf.addCell(cell);
        }
        for (StatementTable.Row row : table.rows()) {
            Font font = new Font(row.kind().equals("LINE") ? REGULAR : BOLD, 8);
            if (row.kind().equals("HEADING")) {
                PdfPCell cell = new PdfPCell(new Phrase(String.valueOf(row.cells().getFirst()), font));
                cell.setColspan(table.columns().size());
                cell.setBorder(Rectangle.BOTTOM);
                pdf.addCell(cell);
                continue;
            }
            for (int i = 0; i < table.columns().size(); i++) {
                Object value = i < row.cells().size() ? row.cells().get(i) : null;
                PdfPCell cell = new PdfPCell(new Phrase(value == null ? "" : text(value), font));
                cell.setHorizontalAlignment(value instanceof Number ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
                pdf.addCell(cell);
            }
        }
        return pdf;
    }

    /** Decimals with thousands separators, as the figures appear in print. */
    static String text(Object value) {
        if (value instanceof BigDecimal decimal) {
            return String.format(java.util.Locale.ROOT, "%,." + Math.max(decimal.scale(), 0) + "f", decimal);
        }
        return String.valueOf(value);
    }

    private static final class Footer extends PdfPageEventHelper {
        private final StatementTable table;
        private final String user;
        private final String generated = OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        private PdfTemplate total;

        Footer(StatementTable table, String user) {
            this.table = table;
            this.user = user;
        }

        @Override
        public void onOpenDocument(PdfWriter writer, Document document) {
            total = writer.getDirectContent().createTemplate(40, 12);
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            PdfContentByte canvas = writer.getDirectContent();
            String left = "Generated " + generated + " by " + user + "  ·  last entry included: "
                    + (table.lastEntry() == null ? "none" : table.lastEntry())
                    + (table.closedPeriodHash() == null ? "" : "  ·  trial balance hash at close: " + table.closedPeriodHash());
            String page = "Page " + writer.getPageNumber() + " of ";
            canvas.beginText();
            canvas.setFontAndSize(REGULAR, 6.5f);
            canvas.setTextMatrix(document.left(), document.bottom() - 24);
            canvas.showText(left);
            float width = REGULAR.getWidthPoint(page, 8);
            canvas.setFontAndSize(REGULAR, 8);
            canvas.setTextMatrix(document.right() - width - 20, document.bottom() - 36);
            canvas.showText(page);
            canvas.endText();
            canvas.addTemplate(total, document.right() - 20, document.bottom() - 36);
        }

        @Override
        public void onCloseDocument(PdfWriter writer, Document document) {
            total.beginText();
            total.setFontAndSize(REGULAR, 8);
            total.setTextMatrix(0, 0);
            // called once the last page is done: the writer's page number has moved one past it
            total.showText(String.valueOf(writer.getPageNumber() - 1));
            total.endText();
        }
    }
}
