package org.unaoc.trustfund.projections;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.Image;
import org.openpdf.text.PageSize;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfGraphics2D;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfTemplate;
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.web.util.HtmlUtils;

/** The financing section as Markdown, HTML (charts as images) and PDF (charts drawn as vectors). */
final class FinancingSectionFormats {

    private static final BaseFont REGULAR = org.unaoc.trustfund.statements.ReportFonts.REGULAR;
    private static final BaseFont BOLD = org.unaoc.trustfund.statements.ReportFonts.BOLD;

    private FinancingSectionFormats() {
    }

    static String markdown(FinancingSection.Document document) {
        StringBuilder md = new StringBuilder();
        for (FinancingSection.Block block : document.blocks()) {
            switch (block) {
                case FinancingSection.Heading h -> md.append("#".repeat(h.level())).append(' ').append(h.text()).append("\n\n");
                case FinancingSection.Paragraph p -> md.append(p.text()).append("\n\n");
                case FinancingSection.Table t -> {
                    md.append("| ").append(String.join(" | ", t.columns())).append(" |\n|");
                    t.columns().forEach(c -> md.append(" --- |"));
                    md.append('\n');
                    t.rows().forEach(r -> md.append("| ").append(String.join(" | ", r.stream()
                            .map(cell -> cell.replace("|", "\\|")).toList())).append(" |\n"));
                    md.append("\n*").append(t.note()).append("*\n\n");
                }
                case FinancingSection.Chart c -> md.append("*Figure: ").append(c.title())
                        .append(" (drawn in the PDF and HTML versions).*\n\n");
            }
        }
        return md.toString();
    }

    static String html(FinancingSection.Document document) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(document.fund())).append(" — financing section</title>")
                .append("<style>body{font-family:sans-serif;max-width:60em;margin:auto}table{border-collapse:collapse}"
                        + "td,th{border:1px solid #999;padding:.2em .5em}td.n{text-align:right}</style></head><body>\n");
        for (FinancingSection.Block block : document.blocks()) {
            switch (block) {
                case FinancingSection.Heading h -> html.append("<h").append(h.level()).append('>').append(escape(h.text()))
                        .append("</h").append(h.level()).append(">\n");
                case FinancingSection.Paragraph p -> html.append("<p>").append(escape(p.text())).append("</p>\n");
                case FinancingSection.Table t -> {
                    html.append("<table><thead><tr>");
                    t.columns().forEach(c -> html.append("<th>").append(escape(c)).append("</th>"));
                    html.append("</tr></thead><tbody>\n");
                    for (var row : t.rows()) {
                        html.append("<tr>");
                        for (int i = 0; i < row.size(); i++) {
                            html.append(i == 0 ? "<td>" : "<td class=\"n\">").append(escape(row.get(i))).append("</td>");
                        }
                        html.append("</tr>\n");
                    }
                    html.append("</tbody></table>\n<p class=\"note\"><small>").append(escape(t.note())).append("</small></p>\n");
                }
                case FinancingSection.Chart c -> html.append("<figure><img alt=\"").append(escape(c.title()))
                        .append("\" src=\"data:image/png;base64,").append(png(c)).append("\"><figcaption>")
                        .append(escape(c.title())).append("</figcaption></figure>\n");
            }
        }
        return html.append("</body></html>\n").toString();
    }

    static byte[] pdf(FinancingSection.Document document) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        org.openpdf.text.Document pdf = new org.openpdf.text.Document(PageSize.A4, 50, 50, 50, 50);
        PdfWriter writer = PdfWriter.getInstance(pdf, out);
        pdf.addTitle(document.fund() + " — financing section");
        pdf.open();
        for (FinancingSection.Block block : document.blocks()) {
            switch (block) {
                case FinancingSection.Heading h -> pdf.add(new org.openpdf.text.Paragraph(h.text(), new Font(BOLD, h.level() <= 2 ? 15 : 12)));
                case FinancingSection.Paragraph p -> {
                    org.openpdf.text.Paragraph paragraph = new org.openpdf.text.Paragraph(p.text(), new Font(REGULAR, 10));
                    paragraph.setSpacingAfter(6);
                    pdf.add(paragraph);
                }
                case FinancingSection.Table t -> {
                    pdf.add(table(t));
                    org.openpdf.text.Paragraph note = new org.openpdf.text.Paragraph(t.note(), new Font(REGULAR, 7));
                    note.setSpacingAfter(8);
                    pdf.add(note);
                }
                case FinancingSection.Chart c -> pdf.add(vector(writer, c));
            }
        }
        pdf.close();
        return out.toByteArray();
    }

    private static PdfPTable table(FinancingSection.Table t) {
        PdfPTable table = new PdfPTable(t.columns().size());
        table.setWidthPercentage(100);
        table.setSpacingAfter(8);
        t.columns().forEach(c -> table.addCell(new PdfPCell(new Phrase(c, new Font(BOLD, 8)))));
        for (var row : t.rows()) {
            for (int i = 0; i < row.size(); i++) {
                PdfPCell cell = new PdfPCell(new Phrase(row.get(i), new Font(REGULAR, 8)));
                cell.setHorizontalAlignment(i == 0 ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT);
                table.addCell(cell);
            }
        }
        return table;
    }

    /** The chart drawn straight into the PDF through PdfGraphics2D: vectors, not pixels. */
    private static Image vector(PdfWriter writer, FinancingSection.Chart chart) {
        float width = 495;
        float height = 280;
        PdfContentByte canvas = writer.getDirectContent();
        PdfTemplate template = canvas.createTemplate(width, height);
        Graphics2D graphics = new PdfGraphics2D(template, width, height);
        chart(chart).draw(graphics, new Rectangle2D.Double(0, 0, width, height));
        graphics.dispose();
        return Image.getInstance(template);
    }

    private static String png(FinancingSection.Chart chart) {
        try {
            return Base64.getEncoder().encodeToString(ChartUtils.encodeAsPNG(chart(chart).createBufferedImage(800, 420)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JFreeChart chart(FinancingSection.Chart chart) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        chart.series().forEach((series, points) -> points.forEach((label, value) -> data.addValue(value, series, label)));
        JFreeChart drawn = chart.kind().equals("bars")
                ? ChartFactory.createStackedBarChart(chart.title(), "", "USD", data, PlotOrientation.HORIZONTAL, true, false, false)
                : ChartFactory.createLineChart(chart.title(), "", "USD", data, PlotOrientation.VERTICAL, true, false, false);
        drawn.setBackgroundPaint(Color.WHITE);
        var axis = ((org.jfree.chart.plot.CategoryPlot) drawn.getPlot()).getDomainAxis();
        axis.setMaximumCategoryLabelWidthRatio(0.45f);
        if (!chart.kind().equals("bars")) {
            axis.setCategoryLabelPositions(org.jfree.chart.axis.CategoryLabelPositions.UP_90);
        }
        drawn.getTitle().setFont(new java.awt.Font("SansSerif", java.awt.Font.BOLD, 12));
        return drawn;
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
