package org.unaoc.trustfund.contributions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unaoc.trustfund.contributions.Books.cr;
import static org.unaoc.trustfund.contributions.Books.dr;
import static org.unaoc.trustfund.contributions.Books.money;
import static org.unaoc.trustfund.contributions.Books.tranche;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unaoc.trustfund.support.Api;
import org.unaoc.trustfund.support.FreshBooksTest;
import tools.jackson.databind.JsonNode;

/** The worked journals of ACCOUNTING.md §5 (contribution side), over HTTP, exact to the cent. */
class WorkedJournalsTest extends FreshBooksTest {

    private Books books;

    @BeforeEach
    void fund() {
        books = new Books(api());
        books.rates(Books.GOLDEN_EUR_RATES);
        books.contributor("ES", "Spain", "GOVERNMENT", true, false);
        books.contributor("TR", "Türkiye", "GOVERNMENT", true, false);
        books.contributor("NO", "Norway", "GOVERNMENT", false, true);
        books.contributor("FND-RES", "Foundation for Research on Civilizations", "FOUNDATION", false, false);
    }

    private long recognitionEntry(JsonNode agreement) {
        return api().get("auditor", "/api/journal-entries?type=AGREEMENT&from=" + agreement.get("signedOn").asString()
                        + "&to=" + agreement.get("signedOn").asString()).body().valueStream()
                .filter(e -> e.get("lines").get(0).get("agreement").asLong() == agreement.get("id").asLong())
                .findFirst().orElseThrow().get("id").asLong();
    }

    private JsonNode statementRow(String asOf, long agreement) {
        return api().get("auditor", "/api/statements/contributions?asOf=" + asOf).body().get("agreements").valueStream()
                .filter(row -> row.get("agreement").asLong() == agreement).findFirst().orElseThrow();
    }

    @Test
    void j_a_eur_agreement_received_into_the_eur_account() {
        JsonNode agreement = books.agreement("ES", "2006-03-15", List.of(tranche("2006-09-30", "1000000.00", "EUR")), Map.of());
        long id = agreement.get("id").asLong();
        assertThat(books.lines(recognitionEntry(agreement), null)).containsExactly(
                dr("1210", "1250000.00", "EUR 1000000.00"), cr("4100", "1250000.00"));

        JsonNode receipt = books.receipt(Map.of("agreement", id, "amount", money("1000000.00", "EUR"),
                "receivedOn", "2006-07-10", "bankAccount", "1011"));
        assertThat(books.lines(receipt.get("entry").asLong(), null)).containsExactly(
                dr("1011", "1280000.00", "EUR 1000000.00"), cr("1210", "1250000.00", "EUR 1000000.00"), cr("7810", "30000.00"));
        assertThat(receipt.get("exchangeDifference").asString()).isEqualTo("30000.00");
        assertThat(receipt.get("unapplied").get("amount").asString()).isEqualTo("0.00");
        JsonNode tranche = api().get("spain", "/api/agreements/" + id).body().get("tranches").get(0);
        assertThat(tranche.get("status").asString()).isEqualTo("PAID");
        assertThat(tranche.get("outstanding").get("amount").asString()).isEqualTo("0.00");
        assertThat(tranche.get("carryingUsd").asString()).isEqualTo("0.00");
        Books.r7Holds(db, id);

        JsonNode before = statementRow("2006-06-30", id);
        assertThat(before.get("agreed").get("amount").asString()).isEqualTo("1000000.00");
        assertThat(before.get("agreedUsd").asString()).isEqualTo("1250000.00");
        assertThat(before.get("received").get("amount").asString()).isEqualTo("0.00");
        assertThat(before.get("outstanding").get("amount").asString()).isEqualTo("1000000.00");
        assertThat(before.get("outstandingUsd").asString()).isEqualTo("1250000.00");
        JsonNode after = statementRow("2006-07-31", id);
        assertThat(after.get("received").get("amount").asString()).isEqualTo("1000000.00");
        assertThat(after.get("receivedUsd").asString()).isEqualTo("1280000.00");
        assertThat(after.get("outstanding").get("amount").asString()).isEqualTo("0.00");
        assertThat(after.get("outstandingUsd").asString()).isEqualTo("0.00");
        assertThat(after.get("exchangeDifferencesUsd").asString()).isEqualTo("30000.00");
    }

    @Test
    void j_a_paid_into_the_usd_account_at_the_banks_conversion() {
        JsonNode agreement = books.agreement("ES", "2006-03-15", List.of(tranche("2006-09-30", "1000000.00", "EUR")), Map.of());
        long id = agreement.get("id").asLong();
        JsonNode receipt = books.receipt(Map.of("agreement", id, "amount", money("1000000.00", "EUR"),
                "receivedOn", "2006-07-10", "bankAccount", "1010", "usdCredited", "1279400.00"));
        assertThat(books.lines(receipt.get("entry").asLong(), null)).containsExactly(
                dr("1010", "1279400.00"), cr("1210", "1250000.00", "EUR 1000000.00"), cr("7810", "29400.00"));
        JsonNode tranche = api().get("finance", "/api/agreements/" + id).body().get("tranches").get(0);
        assertThat(tranche.get("outstanding").get("amount").asString()).isEqualTo("0.00");
        Books.r7Holds(db, id);
    }

    @Test
    void j_b_revalued_at_year_end_then_received_the_next_year_leaves_2006_unchanged() {
        JsonNode agreement = books.agreement("ES", "2006-10-02", List.of(tranche("2007-03-31", "500000.00", "EUR")), Map.of());
        long id = agreement.get("id").asLong();
        assertThat(books.lines(recognitionEntry(agreement), null)).containsExactly(
                dr("1210", "625000.00", "EUR 500000.00"), cr("4100", "625000.00"));

        Api.Response revaluation = api().post("finance", "/api/revaluations", Map.of("asOf", "2006-12-31"));
        assertThat(revaluation.status()).as(revaluation.text()).isEqualTo(201);
        assertThat(books.lines(revaluation.body().get("entry").asLong(), id)).containsExactly(
                dr("1210", "15000.00", "EUR 0.00"), cr("7820", "15000.00"));
        String statement2006 = api().get("auditor", "/api/statements/trial-balance?from=2006-01-01&to=2006-12-31").text();

        JsonNode receipt = books.receipt(Map.of("agreement", id, "amount", money("500000.00", "EUR"),
                "receivedOn", "2007-02-12", "bankAccount", "1011"));
        assertThat(books.lines(receipt.get("entry").asLong(), null)).containsExactly(
                dr("1011", "645161.29", "EUR 500000.00"), cr("1210", "640000.00", "EUR 500000.00"), cr("7810", "5161.29"));
        assertThat(api().get("auditor", "/api/statements/trial-balance?from=2006-01-01&to=2006-12-31").text())
                .isEqualTo(statement2006);
        Books.r7Holds(db, id);
    }

    @Test
    void j_c_announced_pledge_then_cash_without_agreement() {
        Api.Response pledge = api().post("finance", "/api/pledges", Map.of("contributor", "NO",
                "amount", money("100000.00", "USD"), "announcedOn", "2006-09-20"));
        assertThat(pledge.status()).as(pledge.text()).isEqualTo(201);
        long pledgeId = pledge.body().get("id").asLong();
        assertThat(pledge.body().get("status").asString()).isEqualTo("ANNOUNCED");
        assertThat(db.fetchCount(org.unaoc.trustfund.db.Tables.JOURNAL_ENTRY)).as("no journal for a pledge")
                .isEqualTo(db.fetchCount(org.unaoc.trustfund.db.Tables.JOURNAL_ENTRY));

        JsonNode receipt = books.receipt(Map.of("contributor", "NO", "pledge", pledgeId, "amount", money("100000.00", "USD"),
                "receivedOn", "2006-11-05", "bankAccount", "1010"));
        assertThat(books.lines(receipt.get("entry").asLong(), null)).containsExactly(
                dr("1010", "100000.00"), cr("4100", "100000.00"));
        JsonNode after = api().get("finance", "/api/pledges").body().valueStream()
                .filter(p -> p.get("id").asLong() == pledgeId).findFirst().orElseThrow();
        assertThat(after.get("status").asString()).isEqualTo("FULFILLED");
        JsonNode status = api().get("auditor", "/api/statements/contributions?asOf=2006-12-31").body();
        assertThat(status.get("announcedPledges").valueStream().map(p -> p.get("pledge").asLong())).doesNotContain(pledgeId);
        assertThat(status.get("withoutAgreement").valueStream().filter(w -> w.get("contributor").asString().equals("NO")))
                .allSatisfy(w -> assertThat(new java.math.BigDecimal(w.get("receivedUsd").asString()))
                        .isGreaterThanOrEqualTo(new java.math.BigDecimal("100000.00")));
        JsonNode announcedThen = api().get("auditor", "/api/statements/contributions?asOf=2006-10-31").body();
        assertThat(announcedThen.get("announcedPledges").valueStream().map(p -> p.get("pledge").asLong()))
                .contains(pledgeId); // still announced then: fulfilled on 2006-11-05
    }

    @Test
    void j_d_multi_year_agreement_current_and_non_current_then_reclassified() {
        JsonNode agreement = books.agreement("TR", "2006-05-01", List.of(tranche("2006-06-30", "300000.00", "USD"),
                tranche("2007-06-30", "300000.00", "USD"), tranche("2008-06-30", "300000.00", "USD")), Map.of());
        long id = agreement.get("id").asLong();
        assertThat(books.lines(recognitionEntry(agreement), null)).containsExactly(
                dr("1210", "300000.00"), dr("1220", "300000.00"), dr("1220", "300000.00"), cr("4100", "900000.00"));

        Api.Response moved = api().post("finance", "/api/reclassifications", Map.of("asOf", "2006-06-30"));
        assertThat(moved.status()).as(moved.text()).isEqualTo(201);
        assertThat(books.lines(moved.body().get("entry").asLong(), id)).containsExactly(
                dr("1210", "300000.00"), cr("1220", "300000.00"));
        Books.r7Holds(db, id);
    }

    @Test
    void j_d_later_tranches_subject_to_appropriation_stay_in_the_register() {
        JsonNode agreement = books.agreement("TR", "2006-05-01", List.of(tranche("2006-06-30", "300000.00", "USD"),
                Map.of("dueOn", "2007-06-30", "amount", money("300000.00", "USD"), "subjectToAppropriation", true),
                Map.of("dueOn", "2008-06-30", "amount", money("300000.00", "USD"), "subjectToAppropriation", true)), Map.of());
        long id = agreement.get("id").asLong();
        assertThat(books.lines(recognitionEntry(agreement), null)).containsExactly(
                dr("1210", "300000.00"), cr("4100", "300000.00"));
        assertThat(agreement.get("tranches").get(1).get("status").asString()).isEqualTo("SUBJECT_TO_APPROPRIATION");

        Api.Response confirmed = api().post("finance", "/api/agreements/" + id + "/tranches/2/confirmation",
                Map.of("date", "2007-01-15"));
        assertThat(confirmed.status()).as(confirmed.text()).isEqualTo(200);
        assertThat(confirmed.body().get("tranches").get(1).get("status").asString()).isEqualTo("OPEN");
        assertThat(confirmed.body().get("tranches").get(1).get("carryingUsd").asString()).isEqualTo("300000.00");
        Books.r7Holds(db, id);
        JsonNode row = statementRow("2006-12-31", id);
        assertThat(row.get("agreed").get("amount").asString()).isEqualTo("300000.00");
        assertThat(row.get("notYetBinding").get("amount").asString()).isEqualTo("600000.00");
        assertThat(statementRow("2007-01-31", id).get("agreed").get("amount").asString()).isEqualTo("600000.00");
    }

    @Test
    void j_e_conditional_contribution_is_a_liability_when_received() {
        JsonNode agreement = books.agreement("FND-RES", "2006-04-01", List.of(tranche("2006-04-01", "200000.00", "USD")),
                Map.of("earmark", "RESEARCH", "condition", Map.of("description", "research study finished",
                        "deadline", "2006-12-31")));
        long id = agreement.get("id").asLong();
        assertThat(api().get("auditor", "/api/journal-entries?type=AGREEMENT&from=2006-04-01&to=2006-04-01").body()
                .valueStream().filter(e -> e.get("lines").get(0).get("agreement").asLong() == id)).isEmpty();
        JsonNode receipt = books.receipt(Map.of("agreement", id, "amount", money("200000.00", "USD"),
                "receivedOn", "2006-04-01", "bankAccount", "1010"));
        assertThat(books.lines(receipt.get("entry").asLong(), null)).containsExactly(
                dr("1010", "200000.00"), cr("2300", "200000.00"));
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.unaoc.trustfund.system.DatabaseLocation database;

    @Test
    void j_g_with_tolerance_zero_the_shortfall_stays_outstanding() throws Exception {
        try (var owner = java.sql.DriverManager.getConnection(database.url(), database.user(), database.password())) {
            owner.createStatement().execute("UPDATE fund_rate SET bank_charge_tolerance = 0");
            try {
                JsonNode agreement = books.agreement("TR", "2006-05-01", List.of(tranche("2006-06-30", "300000.00", "USD")), Map.of());
                long id = agreement.get("id").asLong();
                JsonNode receipt = books.receipt(Map.of("agreement", id, "tranche", 1, "amount", money("299965.00", "USD"),
                        "receivedOn", "2006-07-03", "bankAccount", "1010"));
                assertThat(books.lines(receipt.get("entry").asLong(), null)).containsExactly(
                        dr("1010", "299965.00"), cr("1210", "299965.00"));
                JsonNode tranche = api().get("finance", "/api/agreements/" + id).body().get("tranches").get(0);
                assertThat(tranche.get("status").asString()).isEqualTo("PARTIALLY_PAID");
                assertThat(tranche.get("outstanding").get("amount").asString()).isEqualTo("35.00");
                Books.r7Holds(db, id);
            } finally {
                owner.createStatement().execute("UPDATE fund_rate SET bank_charge_tolerance = 100.00");
            }
        }
    }

    @Test
    void a_pledge_becomes_agreed_when_its_agreement_is_signed_and_a_donor_sees_only_its_own() {
        books.contributor("QA", "Qatar", "GOVERNMENT", false, true);
        long pledge = api().post("finance", "/api/pledges", Map.of("contributor", "QA", "amount", money("500000.00", "USD"),
                "announcedOn", "2006-01-10")).body().get("id").asLong();
        JsonNode agreement = books.agreement("QA", "2006-02-01", List.of(tranche("2006-03-31", "500000.00", "USD")),
                Map.of("pledge", pledge));
        assertThat(api().get("qatar", "/api/pledges").body().valueStream().filter(p -> p.get("id").asLong() == pledge)
                .findFirst().orElseThrow().get("status").asString()).isEqualTo("AGREED");
        long other = api().post("finance", "/api/pledges", Map.of("contributor", "QA", "amount", money("1.00", "USD"),
                "announcedOn", "2006-01-10")).body().get("id").asLong();
        assertThat(api().post("finance", "/api/pledges/" + other + "/cancellation", Map.of("reason", "withdrawn")).body()
                .get("status").asString()).isEqualTo("CANCELLED");

        JsonNode spanish = books.agreement("ES", "2006-03-15", List.of(tranche("2006-09-30", "10.00", "EUR")), Map.of());
        assertThat(api().get("qatar", "/api/agreements/" + spanish.get("id").asLong()).status()).isEqualTo(404);
        assertThat(api().get("qatar", "/api/agreements/" + agreement.get("id").asLong()).status()).isEqualTo(200);
        assertThat(api().get("qatar", "/api/agreements").body().valueStream().map(a -> a.get("contributor").asString()))
                .containsOnly("QA");
        assertThat(api().get("qatar", "/api/pledges").body().valueStream().map(a -> a.get("contributor").asString()))
                .containsOnly("QA");
        assertThat(api().get("qatar", "/api/statements/contributions?asOf=2006-12-31").body().get("agreements")
                .valueStream().map(a -> a.get("contributor").asString())).containsOnly("QA");
        assertThat(api().get("spain", "/api/statements/contributions?asOf=2006-12-31").body().get("agreements")
                .valueStream().map(a -> a.get("contributor").asString())).contains("QA", "ES");
        assertThat(api().get("spain", "/api/agreements/" + agreement.get("id").asLong()).status()).isEqualTo(404);
    }

    @Test
    void j_g_short_by_bank_charges_within_the_tolerance() {
        JsonNode agreement = books.agreement("TR", "2006-05-01", List.of(tranche("2006-06-30", "300000.00", "USD")), Map.of());
        long id = agreement.get("id").asLong();
        JsonNode receipt = books.receipt(Map.of("agreement", id, "tranche", 1, "amount", money("299965.00", "USD"),
                "receivedOn", "2006-07-03", "bankAccount", "1010"));
        assertThat(books.lines(receipt.get("entry").asLong(), null)).containsExactly(
                dr("1010", "299965.00"), dr("6200", "35.00"), cr("1210", "300000.00"));
        assertThat(api().get("finance", "/api/agreements/" + id).body().get("tranches").get(0).get("status").asString())
                .isEqualTo("PAID");
        Books.r7Holds(db, id);
    }
}
