package org.unaoc.trustfund.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.unaoc.trustfund.support.Api;
import org.unaoc.trustfund.support.FreshBooksTest;

/**
 * R22: months close in order, and a closed month never moves. Two recording orders of the same
 * month ends: November then December (allowed, and a later November receipt refused), and
 * December first (refused while November is open). Found by the simulation: seed 6 with
 * -Dsimulation.without=late-revaluations,year-end-closes closes 2007-07 while 2007-06 is open,
 * and the closed month's statements change afterwards.
 */
class PeriodOrderTest extends FreshBooksTest {

    @Test
    void november_then_december_closed_and_a_november_receipt_is_refused() {
        cash("2006-11-20", "SIM-NOV-1");
        cash("2006-12-05", "SIM-DEC-1");
        assertThat(api().post("finance", "/api/periods/2006-11/close", Map.of()).status()).isEqualTo(200);
        assertThat(api().post("finance", "/api/periods/2006-12/close", Map.of()).status()).isEqualTo(200);
        String december = trialBalance();

        Api.Response late = receipt("2006-11-25", "SIM-NOV-2");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.body().get("type").asString()).isEqualTo("/problems/period-closed");
        assertThat(trialBalance()).isEqualTo(december);
    }

    @Test
    void december_is_not_closed_while_november_is_open() {
        cash("2007-11-20", "SIM-NOV-3");
        cash("2007-12-05", "SIM-DEC-3");
        Api.Response closed = api().post("finance", "/api/periods/2007-12/close", Map.of());
        assertThat(closed.status()).as(closed.text()).isEqualTo(409);
        assertThat(closed.body().get("type").asString()).isEqualTo("/problems/period-order");
        assertThat(closed.body().get("detail").asString()).contains("2007-11");
        assertThat(api().get("finance", "/api/periods?from=2007-12&to=2007-12").body().get(0).get("status").asString())
                .isEqualTo("OPEN");
    }

    /** Found by the simulation, seed 1: the close was dated 31 December and refused once December had closed. */
    @Test
    void the_year_end_close_runs_after_december_is_closed() {
        Api.Response gift = api().post("finance", "/api/contributors", Map.of("code", "QA", "name", "Qatar",
                "type", "GOVERNMENT", "coSponsor", false, "groupOfFriends", true));
        assertThat(gift.status()).as(gift.text()).isIn(201, 409);
        Api.Response revenue = api().post("finance", "/api/receipts", Map.of("contributor", "QA",
                "amount", Map.of("amount", "1000.00", "currency", "USD"), "receivedOn", "2005-06-15", "bankAccount", "1010",
                "bankReference", "SIM-2005-1"));
        assertThat(revenue.status()).as(revenue.text()).isEqualTo(201);
        for (int month = 1; month <= 12; month++) {
            Api.Response closed = api().post("finance", "/api/periods/2005-" + (month < 10 ? "0" : "") + month + "/close", Map.of());
            assertThat(closed.status()).as(closed.text()).isEqualTo(200);
        }
        Api.Response yearEnd = api().post("finance", "/api/year-end-closings", Map.of("year", 2005));
        assertThat(yearEnd.status()).as(yearEnd.text()).isIn(200, 201);
        assertThat(yearEnd.body().get("surplus").asString()).isEqualTo("1000.00");
    }

    /** Unidentified USD cash: Dr 1010 / Cr 2190, no contributor, agreement or rate needed. */
    private void cash(String date, String reference) {
        Api.Response response = receipt(date, reference);
        assertThat(response.status()).as(response.text()).isEqualTo(201);
    }

    private Api.Response receipt(String date, String reference) {
        return api().post("finance", "/api/receipts", Map.of("amount", Map.of("amount", "1000.00", "currency", "USD"),
                "receivedOn", date, "bankAccount", "1010", "bankReference", reference));
    }

    private String trialBalance() {
        return api().get("auditor", "/api/statements/trial-balance?from=2006-12-01&to=2006-12-31").text()
                + api().get("auditor", "/api/statements/financial-position?asOf=2006-12-31").text();
    }
}
