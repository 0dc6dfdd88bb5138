package org.unaoc.trustfund.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.unaoc.trustfund.support.Api;
import tools.jackson.databind.json.JsonMapper;

/** The financing section for the demo history: PDF, HTML and Markdown carry the same figures, with charts. */
class DemoFinancingSectionTest extends DemoDataTest {

    private static final Pattern FIGURE = Pattern.compile("\\d{1,3}(?:,\\d{3})*\\.\\d{2}");

    @Autowired
    JsonMapper json;

    @Test
    void pdf_html_and_markdown_carry_the_same_figures_and_the_charts() throws Exception {
        Api api = new Api(port, json);
        String markdown = api.get("author", "/api/reports/financing-section?asOf=2007-12-31&format=md").text();
        Api.Response htmlResponse = api.get("author", "/api/reports/financing-section?asOf=2007-12-31&format=html");
        assertThat(htmlResponse.contentType()).startsWith("text/html");
        String html = htmlResponse.text();
        String pdf;
        try (var document = Loader.loadPDF(api.getBytes("author", "/api/reports/financing-section?asOf=2007-12-31&format=pdf"))) {
            pdf = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
        List<String> figures = figures(markdown);
        assertThat(figures).hasSizeGreaterThan(20);
        assertThat(figures(html.replaceAll("<[^>]+>", " ").replaceAll("data:image/png;base64,[^\"]+", "")))
                .containsExactlyElementsOf(figures);
        for (String figure : figures) {
            assertThat(pdf).as("the PDF shows %s", figure).contains(figure);
        }
        assertThat(markdown).contains("Spain", "Türkiye", "Qatar", "## Financing of the Alliance of Civilizations");
        assertThat(markdown).doesNotContain("{{");
        assertThat(html.split("data:image/png;base64,", -1)).hasSize(3);
        assertThat(pdf).contains("Contributions received and outstanding by contributor", "Projected cash", "Operating cash reserve");
        assertThat(api.get("author", "/api/reports/financing-section?asOf=2007-12-31&format=doc").status()).isEqualTo(422);
        assertThat(api.get("qatar", "/api/reports/financing-section?asOf=2007-12-31&format=md").status()).isEqualTo(403);
    }

    private static List<String> figures(String text) {
        List<String> figures = new ArrayList<>();
        Matcher matcher = FIGURE.matcher(text);
        while (matcher.find()) {
            figures.add(matcher.group());
        }
        return figures;
    }
}
