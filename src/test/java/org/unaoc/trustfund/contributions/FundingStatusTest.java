package org.unaoc.trustfund.contributions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.unaoc.trustfund.support.Api;

/** The cash-basis funding status on J-A and J-B recorded in date order; who may ask for it by contributor. */
class FundingStatusTest extends FundingStatusBooks {

    @Test
    void j_a_and_j_b_in_date_order() {
        agreements();
        revalue();
        germanyPays();
        theFundingStatusIsOnACashBasis();
        Api.Response donor = api().get("qatar", "/api/statements/funding-status?from=2007-01-01&to=2007-12-31&by=contributor");
        assertThat(donor.status()).as(donor.text()).isEqualTo(403);
        assertThat(donor.body().get("type").asString()).isEqualTo("/problems/forbidden");
        assertThat(donor.body().get("field").asString()).isEqualTo("by");
        Api.Response unknown = api().get("auditor", "/api/statements/funding-status?from=2007-01-01&to=2007-12-31&by=year");
        assertThat(unknown.status()).as(unknown.text()).isEqualTo(422);
        assertThat(unknown.body().get("field").asString()).isEqualTo("by");
        Api.Response aggregate = api().get("qatar", "/api/statements/funding-status?from=2007-01-01&to=2007-12-31");
        assertThat(aggregate.status()).as("a donor reads the fund's aggregate").isEqualTo(200);

        // #17 item 7: the share received on the basis of the agreed amounts. At the end of 2006 J-A's EUR 1,000,000 is
        // received (1,250,000.00 at its agreed rate, though the bank credited 1,280,000.00) and J-B's EUR 500,000 is
        // outstanding (625,000.00 at its agreed rate, carried at 640,000.00): 1,250,000.00 of 1,875,000.00 is 66.7 per
        // cent (the USD credited would give 68.3)
        String section = api().get("author", "/api/reports/financing-section?asOf=2006-12-31&format=md").text();
        assertThat(section).contains("USD 1,875,000.00").contains("USD 1,250,000.00 (66.7 per cent")
                .contains("USD 625,000.00 was still to be paid")
                .contains("| Spain | 1,250,000.00 | 1,250,000.00 | 0.00 | 0.00 |")
                .contains("| Germany | 625,000.00 | 0.00 | 625,000.00 | 0.00 |");

        // uses by category: in 2008 Germany gives USD 100,000.00 without an agreement, the Group's staff cost 40,000.00 is
        // paid (its PSC of 5,200.00 credited to 2150 in the same entry: staff costs, not PSC) and the PSC is remitted
        new Books(api()).receipt(Map.of("contributor", "DE", "amount", Books.money("100000.00", "USD"), "receivedOn", "2008-01-10",
                "bankAccount", "1010"));
        api().approved(api().post("finance", "/api/expenditures", Map.of("component", "HLG", "objectClass", "STAFF",
                "amount", Books.money("40000.00", "USD"), "date", "2008-02-01", "payee", "Staff", "description", "Salaries")));
        api().approved(api().post("finance", "/api/psc-remittances", Map.of("date", "2008-03-01")));
        assertThat(rows("from=2008-01-01&to=2008-12-31")).contains(
                "LINE " + CONTRIBUTIONS + " 1925161.29 100000.00 2025161.29",
                "LINE Staff costs 0.00 40000.00 40000.00",
                "LINE Programme support cost remitted 0.00 5200.00 5200.00",
                "TOTAL Total uses of funds 0.00 45200.00 45200.00",
                "TOTAL Balance of funds (cash) 1925161.29 54800.00 1979961.29",
                "LINE Voluntary contributions (revenue) 1875000.00 100000.00 1975000.00",
                "TOTAL " + CONTRIBUTIONS + " 1925161.29 100000.00 2025161.29");
    }
}
