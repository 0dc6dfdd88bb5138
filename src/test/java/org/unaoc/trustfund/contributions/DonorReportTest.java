package org.unaoc.trustfund.contributions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unaoc.trustfund.contributions.Books.money;
import static org.unaoc.trustfund.contributions.Books.tranche;

import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.unaoc.trustfund.support.Api;
import org.unaoc.trustfund.support.FreshBooksTest;
import tools.jackson.databind.JsonNode;

/**
 * The certified financial report to a contributor (#17 item 5), figures by hand. Spain (J-A): EUR
 * 1,000,000 earmarked for RESEARCH, 1,250,000.00 agreed, received 2006-07-10 as 1,280,000.00 (gain
 * 30,000.00). Germany: USD 400,000.00 earmarked for RESEARCH, received 2006-05-01; a refund of
 * 20,000.00 decided 2007-03-01. RESEARCH spends 200,000.00 + PSC 26,000.00 on 2006-08-01 and
 * 100,000.00 + 13,000.00 on 2007-02-01. Spending is charged to the earmarked agreements pro rata to
 * what each gave net of refunds: at the end of 2006, Spain 226,000.00 × 1,280,000 ÷ 1,680,000 =
 * 172,190.48; at the end of 2007, 339,000.00 × 1,280,000 ÷ 1,660,000 = 261,397.59 (Germany 77,602.41).
 */
class DonorReportTest extends FreshBooksTest {

    @Test
    void the_report_to_each_contributor_certified_and_undone_by_a_back_dated_entry() throws Exception {
        books();
        JsonNode spain2006 = get("spain", "from=2006-01-01&to=2006-12-31");
        assertThat(spain2006.get("contributor").asString()).as("a co-sponsor's own by default").isEqualTo("ES");
        assertThat(spain2006.get("status").asString()).isEqualTo("DRAFT");
        JsonNode row = spain2006.get("agreements").get(0);
        assertThat(row.get("earmark").asString()).isEqualTo("RESEARCH");
        assertThat(row.get("agreedUsd").asString()).isEqualTo("1250000.00");
        assertThat(row.get("receivedInPeriodUsd").asString()).isEqualTo("1280000.00");
        assertThat(row.get("exchangeDifferencesInPeriodUsd").asString()).isEqualTo("30000.00");
        assertThat(row.get("spentOnEarmarkToDateUsd").asString()).isEqualTo("172190.48");
        assertThat(row.get("balanceUsd").asString()).isEqualTo("1107809.52");

        Api.Response other = api().get("spain", "/api/reports/donor?contributor=DE&from=2006-01-01&to=2006-12-31");
        assertThat(other.status()).as("another contributor's report is not there for a co-sponsor").isEqualTo(404);
        Api.Response byApprover = api().post("approver", "/api/reports/donor/certification",
                Map.of("contributor", "ES", "from", "2006-01-01", "to", "2006-12-31"));
        assertThat(byApprover.status()).isEqualTo(403);
        assertThat(byApprover.body().get("type").asString()).isEqualTo("/problems/forbidden");
        Api.Response noPeriod = api().post("finance", "/api/reports/donor/certification", Map.of("contributor", "ES"));
        assertThat(noPeriod.status()).isEqualTo(422);
        assertThat(noPeriod.body().get("field").asString()).isEqualTo("from");
        Api.Response certified = api().post("finance", "/api/reports/donor/certification",
                Map.of("contributor", "ES", "from", "2006-01-01", "to", "2006-12-31"));
        assertThat(certified.status()).as(certified.text()).isEqualTo(201);
        assertThat(certified.body().get("status").asString()).isEqualTo("CERTIFIED");
        assertThat(certified.body().get("certification").get("certifiedBy").asString()).isEqualTo("finance");

        String pdf;
        try (var document = Loader.loadPDF(api().getBytes("spain", "/api/reports/donor?from=2006-01-01&to=2006-12-31&format=pdf"))) {
            pdf = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
        assertThat(pdf).contains("Financial report to Spain").contains("Certified by finance, finance officer")
                .contains("1,280,000.00").contains("172,190.48").contains("1,107,809.52");

        JsonNode spain2007 = get("auditor", "contributor=ES&from=2007-01-01&to=2007-12-31").get("agreements").get(0);
        assertThat(spain2007.get("receivedInPeriodUsd").asString()).isEqualTo("0.00");
        assertThat(spain2007.get("spentOnEarmarkInPeriodUsd").asString()).isEqualTo("89207.11");
        assertThat(spain2007.get("spentOnEarmarkToDateUsd").asString()).isEqualTo("261397.59");
        assertThat(spain2007.get("balanceUsd").asString()).isEqualTo("1018602.41");
        JsonNode germany2007 = get("auditor", "contributor=DE&from=2007-01-01&to=2007-12-31").get("agreements").get(0);
        assertThat(germany2007.get("refundedInPeriodUsd").asString()).isEqualTo("20000.00");
        assertThat(germany2007.get("spentOnEarmarkToDateUsd").asString()).isEqualTo("77602.41");
        assertThat(germany2007.get("balanceUsd").asString()).isEqualTo("302397.59");

        // a back-dated expenditure of 10,000.00 (+ 1,300.00) on 2006-09-01: Spain's 2006 charge becomes
        // 237,300.00 × 1,280,000 ÷ 1,680,000 = 180,800.00, and the certification no longer holds
        spend("10000.00", "2006-09-01");
        JsonNode changed = get("auditor", "contributor=ES&from=2006-01-01&to=2006-12-31");
        assertThat(changed.get("agreements").get(0).get("spentOnEarmarkToDateUsd").asString()).isEqualTo("180800.00");
        assertThat(changed.get("status").asString()).isEqualTo("CHANGED_SINCE_CERTIFIED");
        assertThat(changed.get("certification").get("figuresUnchanged").asBoolean()).isFalse();
    }

    private JsonNode get(String user, String query) {
        Api.Response response = api().get(user, "/api/reports/donor?" + query);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.body();
    }

    private void books() {
        Books books = new Books(api());
        books.rates(Books.GOLDEN_EUR_RATES);
        books.contributor("ES", "Spain", "GOVERNMENT", true, false);
        books.contributor("DE", "Germany", "GOVERNMENT", false, false);
        long spain = books.agreement("ES", "2006-03-15", List.of(tranche("2006-09-30", "1000000.00", "EUR")),
                Map.of("earmark", "RESEARCH")).get("id").asLong();
        long germany = books.agreement("DE", "2006-04-01", List.of(tranche("2006-05-31", "400000.00", "USD")),
                Map.of("earmark", "RESEARCH")).get("id").asLong();
        books.receipt(Map.of("agreement", germany, "amount", money("400000.00", "USD"), "receivedOn", "2006-05-01",
                "bankAccount", "1010"));
        books.receipt(Map.of("agreement", spain, "amount", money("1000000.00", "EUR"), "receivedOn", "2006-07-10",
                "bankAccount", "1011"));
        spend("200000.00", "2006-08-01");
        spend("100000.00", "2007-02-01");
        api().approved(api().post("finance", "/api/refunds", Map.of("contributor", "DE", "agreement", germany,
                "amount", money("20000.00", "USD"), "date", "2007-03-01", "reason", "activity cost less than planned")));
    }

    private void spend(String amount, String date) {
        api().approved(api().post("finance", "/api/expenditures", Map.of("component", "RESEARCH", "objectClass", "CONTRACTUAL",
                "amount", money(amount, "USD"), "date", date, "payee", "Research institute", "description", "Study " + date)));
    }

}
