package org.unaoc.trustfund.spending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unaoc.trustfund.spending.Spend.commitment;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.unaoc.trustfund.support.Api;
import org.unaoc.trustfund.support.FreshBooksTest;
import tools.jackson.databind.JsonNode;

/** J-F on books of its own: PSC in the same entry, and the funds availability check to the cent. */
class FundsAvailableTest extends FreshBooksTest {

    @Test
    void j_f_psc_in_the_same_entry_and_availability_to_the_cent() {
        Spend spend = new Spend(api());
        spend.contributor("NO");
        spend.cash("NO", "1425200.00", "2006-01-10");
        Api.Response staff = spend.expenditure(commitment("RESEARCH", "STAFF", "40000.00", "2006-02-01"));
        assertThat(staff.status()).as(staff.text()).isEqualTo(201);
        assertThat(spend.lines(staff.body().get("entry")))
                .containsExactly("5100 Dr 40000.00", "1010 Cr 40000.00", "5900 Dr 5200.00", "2150 Cr 5200.00");
        assertThat(staff.body().get("psc").asString()).isEqualTo("5200.00");

        // the PSC payable remitted to the UN, so that the fund has no liabilities; availability does not move
        String before = api().get("finance", "/api/availability?asOf=2006-02-02").body().get("available").asString();
        assertThat(api().post("finance", "/api/psc-remittances", Map.of("amount", "5200.01", "date", "2006-02-02")).status())
                .isEqualTo(422);
        // a disbursement (R19): it waits for an approving officer, with all that is payable fixed when asked
        Api.Response requested = api().post("finance", "/api/psc-remittances", Map.of("date", "2006-02-02"));
        assertThat(requested.status()).as(requested.text()).isEqualTo(202);
        assertThat(api().get("approver", "/api/approvals/" + requested.body().get("approval").asString()).body()
                .get("summary").asString()).contains("USD 5200.00", "Dr 2150 / Cr 1010");
        JsonNode remitted = spend.approve(requested);
        assertThat(spend.lines(remitted)).containsExactly("2150 Dr 5200.00", "1010 Cr 5200.00");
        assertThat(remitted.get("approvedBy").asString()).isEqualTo("approver");
        assertThat(api().get("finance", "/api/availability?asOf=2006-02-02").body().get("available").asString()).isEqualTo(before);
        assertThat(api().post("finance", "/api/psc-remittances", Map.of("date", "2006-02-02")).status()).isEqualTo(409);

        // cash 1,380,000.00; planned 1,000,000.00 (1,130,000.00 with PSC, reserve 169,500.00); one obligation of 100,000.00
        spend.plan("SECRETARIAT", 2006, "OPERATING", "1000000.00");
        assertThat(spend.obligation(commitment("HLG", "MEETINGS", "100000.00", "2006-03-01")).status()).isEqualTo(201);
        JsonNode figures = api().get("finance", "/api/availability?asOf=2006-03-15").body();
        assertThat(figures.get("cash").asString()).isEqualTo("1380000.00");
        assertThat(figures.get("unliquidatedObligations").asString()).isEqualTo("113000.00");
        assertThat(figures.get("operatingReserve").asString()).isEqualTo("169500.00");
        assertThat(figures.get("cashLiabilities").asString()).isEqualTo("0.00");
        assertThat(figures.get("available").asString()).isEqualTo("1097500.00");

        Api.Response tooMuch = spend.obligation(commitment("HLG", "TRAVEL", "971238.95", "2006-03-15"));
        assertThat(tooMuch.status()).isEqualTo(409);
        assertThat(tooMuch.body().get("type").asString()).isEqualTo("/problems/insufficient-funds");
        assertThat(tooMuch.body().get("available").get("amount").asString()).isEqualTo("1097500.00");
        assertThat(tooMuch.body().get("detail").asString()).contains("1097500.00");

        Api.Response fits = spend.obligation(commitment("HLG", "TRAVEL", "971238.94", "2006-03-15"));
        assertThat(fits.status()).as(fits.text()).isEqualTo(201);
        assertThat(api().get("finance", "/api/availability?asOf=2006-03-15").body().get("available").asString())
                .isEqualTo("0.00");

        // a new receivable changes nothing; its cash does
        Api.Response agreement = api().post("finance", "/api/agreements", Map.of("contributor", "NO", "reference", "NO-2006",
                "signedOn", "2006-03-16", "tranches", List.of(Map.of("dueOn", "2006-06-30", "amount", Spend.usd("500000.00")))));
        assertThat(agreement.status()).as(agreement.text()).isEqualTo(201);
        assertThat(api().get("finance", "/api/availability?asOf=2006-03-16").body().get("available").asString())
                .isEqualTo("0.00");
        spend.cash("NO", "10.00", "2006-03-17");
        assertThat(api().get("finance", "/api/availability?asOf=2006-03-17").body().get("available").asString())
                .isEqualTo("10.00");
    }
}
