package org.unaoc.trustfund.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.unaoc.trustfund.support.Api;
import org.unaoc.trustfund.support.FreshBooksTest;
import tools.jackson.databind.JsonNode;

/**
 * The year-end close (R22, R10; #16 item 8), in two recording orders. Figures by hand: 1,000,000.00
 * received without an agreement (4100); meetings of 100,000.00 (PSC 13,000.00) in June and an
 * adjustment of 10,000.00 (PSC 1,300.00) on 20 December: the year's surplus is 1,000,000.00 −
 * 113,000.00 − 11,300.00 = 875,700.00. The plan of 100,000.00 asks for a reserve of 15% ×
 * 113,000.00 = 16,950.00 in 3200, from 3100: 3100 ends at 858,750.00.
 *
 * <p>One order closes 2006, then reopens December for the adjustment and closes the year again;
 * the other posts everything of 2008, closes its months and then the year once. 2006 runs first,
 * since months close in order; by 2008, 3200 already holds the reserve.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class YearEndCloseTest extends FreshBooksTest {

    @Test
    @Order(1)
    void it_runs_again_after_an_adjustment_in_the_reopened_year() {
        year(2006);
        closeMonths(2006);
        Api.Response first = yearEnd(2006);
        assertThat(first.status()).as(first.text()).isEqualTo(201);
        assertThat(first.body().get("run").asInt()).isEqualTo(1);
        assertThat(first.body().get("surplus").asString()).isEqualTo("887000.00");
        assertThat(first.body().get("toReserve").asString()).isEqualTo("16950.00");

        Api.Response requested = api().post("finance", "/api/periods/2006-12/reopen", Map.of("reason", "late invoice"));
        assertThat(requested.status()).as(requested.text()).isEqualTo(202);
        assertThat(api().post("approver", "/api/approvals/" + requested.body().get("approval").asString() + "/approval",
                Map.of()).status()).isEqualTo(200);
        assertThat(status("2006-12")).isEqualTo("OPEN");
        assertThat(status("2006-13")).as("the closing period reopens with December").isEqualTo("OPEN");
        spend("10000.00", "2006-12-20");
        assertThat(api().post("finance", "/api/periods/2006-12/close", Map.of()).status()).isEqualTo(200);
        Api.Response january = api().post("finance", "/api/periods/2007-01/close", Map.of());
        assertThat(january.status()).as(january.text()).isEqualTo(409);
        assertThat(january.body().get("type").asString()).isEqualTo("/problems/period-order");
        assertThat(january.body().get("period").asString()).isEqualTo("2006-13");

        Api.Response second = yearEnd(2006);
        assertThat(second.status()).as(second.text()).isEqualTo(201);
        assertThat(second.body().get("run").asInt()).isEqualTo(2);
        assertThat(second.body().get("surplus").asString()).isEqualTo("-11300.00");
        assertThat(lines(api().get("auditor", "/api/journal-entries/" + second.body().get("entry").asLong()).body()))
                .containsExactlyInAnyOrder("5400 Cr 10000.00", "5900 Cr 1300.00", "3100 Dr 11300.00");
        // the same year's result as the other order: 887,000.00 − 11,300.00 = 875,700.00, less the reserve, in 3100
        assertThat(balance("3100", "2007-01-01")).isEqualByComparingTo("-858750.00");
        for (String code : List.of("4100", "5400", "5900")) {
            assertThat(balance(code, "2007-01-01")).as(code).isEqualByComparingTo("0.00");
        }
        assertThat(balance("3200", "2007-01-01")).isEqualByComparingTo("-16950.00");
        assertThat(api().post("finance", "/api/periods/2007-01/close", Map.of()).status()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void the_year_is_closed_in_its_closing_period_once_december_is_closed() {
        year(2008);
        spend("10000.00", "2008-12-20");
        Api.Response early = yearEnd(2008);
        assertThat(early.status()).as(early.text()).isEqualTo(409);
        assertThat(early.body().get("type").asString()).isEqualTo("/problems/december-open");
        closeMonths(2008);
        Api.Response closed = yearEnd(2008);
        assertThat(closed.status()).as(closed.text()).isEqualTo(201);
        assertThat(closed.body().get("surplus").asString()).isEqualTo("875700.00");
        assertThat(closed.body().get("reserve").asString()).isEqualTo("16950.00");
        // 3200 already holds the 16,950.00 this year's plan asks for (closed into it in 2006)
        assertThat(closed.body().get("toReserve").asString()).isEqualTo("0.00");
        JsonNode entry = api().get("auditor", "/api/journal-entries/" + closed.body().get("entry").asLong()).body();
        assertThat(entry.get("date").asString()).isEqualTo("2008-12-31");
        assertThat(lines(entry)).containsExactlyInAnyOrder("4100 Dr 1000000.00", "5400 Cr 110000.00", "5900 Cr 14300.00",
                "3100 Cr 875700.00");
        // 31 December is the year before its close; the next year opens from it
        assertThat(balance("4100", "2008-12-31")).isEqualByComparingTo("-1000000.00");
        assertThat(balance("3200", "2008-12-31")).isEqualByComparingTo("-16950.00");
        assertThat(balance("4100", "2009-01-01")).isEqualByComparingTo("0.00");
        assertThat(balance("5400", "2009-01-01")).isEqualByComparingTo("0.00");
        assertThat(balance("3100", "2009-01-01").subtract(balance("3100", "2008-01-01"))).isEqualByComparingTo("-875700.00");
        assertThat(balance("3200", "2009-01-01")).isEqualByComparingTo("-16950.00");
        assertThat(status("2008-13")).isEqualTo("CLOSED");
        Api.Response again = yearEnd(2008);
        assertThat(again.status()).as(again.text()).isEqualTo(409);
        assertThat(again.body().get("type").asString()).isEqualTo("/problems/year-closed");
        Api.Response reversal = api().post("finance", "/api/journal-entries/" + closed.body().get("entry").asLong() + "/reversal",
                Map.of("date", "2009-01-10", "reason", "undo the close"));
        assertThat(reversal.status()).as(reversal.text()).isEqualTo(409);
        assertThat(reversal.body().get("type").asString()).isEqualTo("/problems/year-end-close-not-reversible");
    }

    /** 1,000,000.00 received on 1 March, a plan of 100,000.00 and meetings of 100,000.00 on 1 June of the year. */
    private void year(int year) {
        Api.Response contributor = api().post("finance", "/api/contributors", Map.of("code", "QA", "name", "Qatar",
                "type", "GOVERNMENT"));
        assertThat(contributor.status()).isIn(201, 409);
        Api.Response plan = api().post("finance", "/api/cost-plans", Map.of("component", "HLG", "year", year,
                "lines", List.of(Map.of("objectClass", "MEETINGS", "amount", "100000.00"))));
        assertThat(plan.status()).as(plan.text()).isEqualTo(201);
        Api.Response cash = api().post("finance", "/api/receipts", Map.of("contributor", "QA",
                "amount", Map.of("amount", "1000000.00", "currency", "USD"), "receivedOn", year + "-03-01",
                "bankAccount", "1010", "bankReference", "QA-" + year));
        assertThat(cash.status()).as(cash.text()).isEqualTo(201);
        spend("100000.00", year + "-06-01");
    }

    private void spend(String amount, String date) {
        Api.Response spent = api().post("finance", "/api/expenditures", Map.of("component", "HLG", "objectClass", "MEETINGS",
                "amount", Map.of("amount", amount, "currency", "USD"), "date", date,
                "payee", "Conference services " + UUID.randomUUID().toString().substring(0, 6), "description", "Meeting"));
        assertThat(spent.status()).as(spent.text()).isEqualTo(202);
        Api.Response paid = api().post("approver", "/api/approvals/" + spent.body().get("approval").asString() + "/approval",
                Map.of());
        assertThat(paid.status()).as(paid.text()).isEqualTo(200);
    }

    private void closeMonths(int year) {
        for (int month = 1; month <= 12; month++) {
            String period = year + "-" + (month < 10 ? "0" : "") + month;
            Api.Response closed = api().post("finance", "/api/periods/" + period + "/close", Map.of());
            assertThat(closed.status()).as(period + ": " + closed.text()).isEqualTo(200);
        }
    }

    private Api.Response yearEnd(int year) {
        return api().post("finance", "/api/year-end-closings", Map.of("year", year));
    }

    private String status(String period) {
        for (JsonNode row : api().get("auditor", "/api/periods?from=" + period.substring(0, 4) + "-01&to=2099-12").body()) {
            if (row.get("period").asString().equals(period)) {
                return row.get("status").asString();
            }
        }
        throw new AssertionError("no period " + period);
    }

    /** Debit positive, credit negative, as the journal holds it. */
    private BigDecimal balance(String code, String asOf) {
        for (JsonNode account : api().get("auditor", "/api/accounts?asOf=" + asOf).body()) {
            if (account.get("code").asString().equals(code)) {
                BigDecimal normal = new BigDecimal(account.get("balanceUsd").asString());
                return account.get("side").asString().equals("DEBIT") ? normal : normal.negate();
            }
        }
        throw new AssertionError("no account " + code);
    }

    private static List<String> lines(JsonNode entry) {
        return entry.get("lines").valueStream().map(line -> line.get("account").asString() + " "
                + (line.get("debit").isNull() ? "Cr " + line.get("credit").asString() : "Dr " + line.get("debit").asString()))
                .toList();
    }
}
