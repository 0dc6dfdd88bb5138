package org.unaoc.trustfund.statements;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.openpdf.text.pdf.BaseFont;

/** The fonts every PDF embeds (DejaVu Sans from reports/fonts): Türkiye, Côte d'Ivoire and Arabic names print. */
public final class ReportFonts {

    public static final BaseFont REGULAR = font("reports/fonts/DejaVuSans.ttf");
    public static final BaseFont BOLD = font("reports/fonts/DejaVuSans-Bold.ttf");

    private ReportFonts() {
    }

    private static BaseFont font(String resource) {
        try (InputStream in = ReportFonts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The font " + resource + " is missing from the build");
            }
            return BaseFont.createFont(resource, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
