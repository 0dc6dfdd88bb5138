package org.unaoc.trustfund.spending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unaoc.trustfund.spending.Spend.commitment;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.unaoc.trustfund.support.Api;
import org.unaoc.trustfund.support.FreshBooksTest;
import tools.jackson.databind.JsonNode;

/** J-I on books of their own: closure refunds the unspent balance pro rata, and a closed fund takes nothing more. */
class ClosureTest extends FreshBooksTest {

    @Test
    void j_i_largest_remainder_refunds_then_the_fund_refuses_every_entry() {
        Spend spend = new Spend(api());
        for (String code : new String[] {"AA", "BB", "CC"}) {
            spend.contributor(code.equals("AA") ? "AT" : code.equals("BB") ? "BE" : "CY");
        }
        spend.cash("AT", "2500000.00", "2008-01-10");
        spend.cash("BE", "1500000.00", "2008-01-11");
        spend.cash("CY", "1000000.00", "2008-01-12");
        // 4,371,681.41 + PSC 568,318.58 = 4,939,999.99 spent: 60,000.01 unspent once the PSC is remitted
        Api.Response spent = spend.expenditure(commitment("HLG", "MEETINGS", "4371681.41", "2008-06-30"));
        assertThat(spent.status()).as(spent.text()).isEqualTo(201);
        assertThat(spent.body().get("psc").asString()).isEqualTo("568318.58");

        Map<String, Object> closure = Map.of("date", "2008-12-31", "reason",
                "The Alliance's trust fund ends; its balance goes back to the contributors");
        // R22: nothing may still be owed by the fund, nor to it; each refusal names what is open
        Api.Response owing = api().post("finance", "/api/closure", closure);
        assertThat(owing.status()).as(owing.text()).isEqualTo(409);
        assertThat(owing.body().get("type").asString()).isEqualTo("/problems/liabilities-open");
        assertThat(owing.body().get("open").get(0).asString()).startsWith("2150 ").endsWith(" USD 568318.58");
        spend.approve(api().post("finance", "/api/psc-remittances", Map.of("date", "2008-07-01")));
        Api.Response signed = api().post("finance", "/api/agreements", Map.of("contributor", "CY", "reference",
                "CY-2008-2", "signedOn", "2008-08-01", "tranches", List.of(Map.of("dueOn", "2008-10-31",
                        "amount", Spend.usd("10000.00")))));
        assertThat(signed.status()).as(signed.text()).isEqualTo(201);
        Api.Response owed = api().post("finance", "/api/closure", closure);
        assertThat(owed.status()).as(owed.text()).isEqualTo(409);
        assertThat(owed.body().get("type").asString()).isEqualTo("/problems/receivables-open");
        assertThat(owed.body().get("open").get(0).asString()).startsWith("1210 ").endsWith(" USD 10000.00");
        spend.approve(api().post("finance", "/api/write-offs", Map.of("agreement", signed.body().get("id").asLong(),
                "date", "2008-11-30", "reason", "the second tranche will not be paid")));

        Api.Response requested = api().post("finance", "/api/closure", closure);
        Api.Response selfApproved = api().post("finance", "/api/approvals/" + requested.body().get("approval").asString()
                + "/approval", Map.of());
        assertThat(selfApproved.status()).isEqualTo(403);
        JsonNode closed = spend.approve(requested);
        assertThat(closed.get("unspent").asString()).isEqualTo("60000.01");
        Map<String, String> refunds = new java.util.TreeMap<>();
        closed.get("refunds").forEach(r -> refunds.put(r.get("contributor").asString(), r.get("amount").asString()));
        assertThat(refunds).containsExactly(Map.entry("AT", "30000.01"), Map.entry("BE", "18000.00"), Map.entry("CY", "12000.00"));
        long entry = closed.get("refunds").get(0).get("entry").asLong();
        assertThat(spend.lines(api().get("auditor", "/api/journal-entries/" + entry).body()))
                .containsExactly("4190 Dr 60000.01", "2110 Cr 30000.01", "2110 Cr 18000.00", "2110 Cr 12000.00");

        assertThat(api().get("finance", "/api/fund").body().get("status").asString()).isEqualTo("CLOSED");
        Api.Response after = api().post("finance", "/api/receipts", Map.of("contributor", "AT", "amount", Spend.usd("1.00"),
                "receivedOn", "2009-01-10", "bankAccount", "1010", "bankReference", "LATE-1"));
        assertThat(after.status()).isEqualTo(409);
        assertThat(after.body().get("type").asString()).isEqualTo("/problems/fund-closed");
        assertThat(spend.expenditure(commitment("HLG", "TRAVEL", "1.00", "2009-01-10")).status()).isEqualTo(409);
    }
}
