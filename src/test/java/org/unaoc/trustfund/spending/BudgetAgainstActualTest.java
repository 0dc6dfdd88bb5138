package org.unaoc.trustfund.spending;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.unaoc.trustfund.support.Api;

/** Budget against actual on the books of {@link BudgetYearsBooks}, recorded in date order; and its refusals. */
class BudgetAgainstActualTest extends BudgetYearsBooks {

    @Test
    void each_year_on_the_budget_basis_when_recorded_in_date_order() throws Exception {
        Spend spend = books();
        spend.plan("RESEARCH", 2004, "CONTRACTUAL", "200000.00");
        spend.plan("RESEARCH", 2004, "CONTRACTUAL", "250000.00");
        spend.plan("RESEARCH", 2005, "CONTRACTUAL", "100000.00");
        spent(spend, "CONTRACTUAL", "50000.00", "2004-03-10", null);
        long o1 = obligation(spend);
        long travel = spent(spend, "TRAVEL", "10000.00", "2004-09-15", null);
        reverse(spend, travel, "2005-01-20");
        spent(spend, "CONTRACTUAL", "30000.00", "2005-02-10", o1);
        manualEntry(spend);
        assertTheYears();
        csvAndPdfCarryTheFigures();
    }

    @Test
    void a_range_that_cuts_a_budget_year_is_refused_with_the_field_named() {
        Api.Response from = api().get("auditor", "/api/statements/budget-vs-actual?from=2004-02-01&to=2004-12-31");
        assertThat(from.status()).as(from.text()).isEqualTo(422);
        assertThat(from.body().get("type").asString()).isEqualTo("/problems/invalid-request");
        assertThat(from.body().get("field").asString()).isEqualTo("from");
        assertThat(from.body().get("detail").asString()).contains("whole budget years").contains("2004-01-01");
        Api.Response to = api().get("auditor", "/api/statements/budget-vs-actual?from=2004-01-01&to=2004-06-30");
        assertThat(to.status()).as(to.text()).isEqualTo(422);
        assertThat(to.body().get("field").asString()).isEqualTo("to");
        assertThat(to.body().get("detail").asString()).contains("2004-12-31");
        Api.Response asOf = api().get("auditor", "/api/statements/budget-vs-actual?asOf=2004-06-30");
        assertThat(asOf.status()).as("as of a day inside the year: " + asOf.text()).isEqualTo(422);
    }

    /** The 2004 statement as CSV and as PDF (read back with PDFBox): the figures of the JSON. */
    private void csvAndPdfCarryTheFigures() throws Exception {
        String query = "/api/statements/budget-vs-actual?from=2004-01-01&to=2004-12-31";
        List<CSVRecord> csv = CSVFormat.RFC4180.parse(new StringReader(api().get("auditor", query + "&format=csv").text()))
                .getRecords();
        List<String> total = csv.stream().filter(r -> r.get(0).equals("TOTAL")).findFirst().orElseThrow().toList();
        assertThat(total.subList(3, total.size())).containsExactly("200000.00", "250000.00", "60000.00", "80000.00", "0.00",
                "140000.00", "110000.00", "56.0", "7800.00");
        String text;
        try (var document = Loader.loadPDF(api().getBytes("auditor", query + "&format=pdf"))) {
            text = new PDFTextStripper().getText(document).replace("\n", " ");
        }
        assertThat(text).contains("Budget against actual (budget basis)").contains("Original budget").contains("Final budget")
                .contains("250,000.00").contains("130,000.00").contains("120,000.00").contains("52.0");
    }
}
