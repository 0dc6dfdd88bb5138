package org.unaoc.trustfund.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unaoc.trustfund.db.Tables.APPROVAL;
import static org.unaoc.trustfund.db.Tables.JOURNAL_ENTRY;
import static org.unaoc.trustfund.ledger.Entries.entry;
import static org.unaoc.trustfund.ledger.Entries.line;
import static org.unaoc.trustfund.ledger.Entries.simple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.unaoc.trustfund.support.Api;
import org.unaoc.trustfund.support.Closing;
import org.unaoc.trustfund.support.FreshBooksTest;
import org.unaoc.trustfund.support.Months;
import tools.jackson.databind.JsonNode;

class JournalEntryApiTest extends FreshBooksTest {

    @Test
    void a_manual_entry_waits_for_another_officer_and_is_posted_only_on_approval() {
        YearMonth month = Months.fresh();
        LocalDate date = month.atDay(10);
        Api.Response requested = api().post("finance", "/api/journal-entries", simple(date, "1010", "4500", "1234.56"));
        assertThat(requested.status()).isEqualTo(202);
        assertThat(requested.body().get("status").asString()).isEqualTo("PENDING_APPROVAL");
        String approval = requested.body().get("approval").asString();

        assertThat(trialBalanceRow(month, "4500").get("credits").asString()).isEqualTo("0.00");
        assertThat(api().get("approver", "/api/approvals").body().findValuesAsString("id")).contains(approval);

        Api.Response byMaker = api().post("finance", "/api/approvals/" + approval + "/approval", Map.of());
        assertThat(byMaker.status()).isEqualTo(403);
        Api.Response byOtherFinanceOfficer = api().post("finance2", "/api/approvals/" + approval + "/approval", Map.of());
        assertThat(byOtherFinanceOfficer.status()).isEqualTo(403);
        assertThat(trialBalanceRow(month, "4500").get("credits").asString()).isEqualTo("0.00");

        Api.Response approved = api().post("approver", "/api/approvals/" + approval + "/approval", Map.of());
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        JsonNode posted = approved.body().get("result");
        assertThat(posted.get("createdBy").asString()).isEqualTo("finance");
        assertThat(posted.get("approvedBy").asString()).isEqualTo("approver");
        assertThat(trialBalanceRow(month, "4500").get("credits").asString()).isEqualTo("1234.56");
        assertThat(trialBalanceRow(month, "1010").get("debits").asString()).isEqualTo("1234.56");

        JsonNode fetched = api().get("auditor", "/api/journal-entries/" + posted.get("id").asLong()).body();
        assertThat(fetched.get("lines")).hasSize(2);
        assertThat(fetched.get("lines").get(0).get("debit").asString()).isEqualTo("1234.56");

        Api.Response again = api().post("approver", "/api/approvals/" + approval + "/approval", Map.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().get("type").asString()).isEqualTo("/problems/already-decided");
    }

    @Test
    void a_rejected_request_changes_nothing() {
        YearMonth month = Months.fresh();
        String approval = api().post("finance", "/api/journal-entries", simple(month.atDay(3), "1010", "4500", "10.00"))
                .body().get("approval").asString();
        Api.Response noReason = api().post("approver", "/api/approvals/" + approval + "/rejection", Map.of());
        assertThat(noReason.status()).isEqualTo(422);
        Api.Response rejected = api().post("approver", "/api/approvals/" + approval + "/rejection",
                Map.of("reason", "wrong account"));
        assertThat(rejected.status()).isEqualTo(200);
        assertThat(rejected.body().get("status").asString()).isEqualTo("REJECTED");
        assertThat(db.fetchCount(JOURNAL_ENTRY, JOURNAL_ENTRY.PERIOD_ID.eq(Periods.idOf(month)))).isZero();
    }

    @Test
    void an_identical_pending_request_is_refused() {
        Map<String, Object> entry = simple(Months.fresh().atDay(5), "1010", "4500", "77.00");
        assertThat(api().post("finance", "/api/journal-entries", entry).status()).isEqualTo(202);
        Api.Response duplicate = api().post("finance2", "/api/journal-entries", entry);
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.body().get("type").asString()).isEqualTo("/problems/duplicate-request");
    }

    @Test
    void bad_entries_are_422_problems_and_write_nothing() {
        LocalDate date = Months.fresh().atDay(7);
        int approvals = db.fetchCount(APPROVAL);
        assertProblem(entry(date, "unbalanced", List.of(line("1010", "debit", "100.00"), line("4500", "credit", "99.99"))),
                422, "/problems/unbalanced-entry");
        assertProblem(simple(date, "1010", "4500", "100.001"), 422, "/problems/invalid-request");
        assertProblem(simple(date, "1010", "9999", "100.00"), 422, "/problems/invalid-request");
        assertProblem(Map.of("date", date.toString(), "lines", List.of(line("1010", "debit", "1.00"),
                line("4500", "credit", "1.00"))), 422, "/problems/invalid-request");
        assertProblem(entry(date, "one line", List.of(line("1010", "debit", "1.00"))), 422, "/problems/invalid-request");
        assertProblem(simple(date, "1010", "4500", "-5.00"), 422, "/problems/invalid-request");
        assertProblem(simple(date, "1010", "4500", "0.00"), 422, "/problems/invalid-request");
        assertProblem(simple(date, "1010", "4500", "ten"), 422, "/problems/invalid-request");
        assertProblem(entry(date, "EUR bank without EUR", List.of(line("1011", "debit", "1.00"), line("4500", "credit", "1.00"))),
                422, "/problems/invalid-request");
        assertThat(db.fetchCount(APPROVAL)).isEqualTo(approvals);
    }

    @Test
    void an_entry_dated_in_a_closed_period_is_refused_with_409() {
        YearMonth month = Months.fresh();
        Closing.monthsBefore(api(), db, month);
        Api.Response closed = api().post("finance", "/api/periods/" + month + "/close", Map.of());
        assertThat(closed.status()).as(closed.text()).isEqualTo(200);
        assertThat(closed.body().get("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.body().get("trialBalanceHash").asString()).hasSize(64);
        assertProblem(simple(month.atDay(15), "1010", "4500", "5.00"), 409, "/problems/period-closed");
        assertThat(api().post("finance", "/api/periods/" + month + "/close", Map.of()).status()).isEqualTo(409);
    }

    @Test
    void a_reversal_nets_every_account_to_zero_and_happens_only_once() {
        YearMonth month = Months.fresh();
        // more than the cash the entry pays out and the PSC it owes: no bank account overdrawn, nothing spent beyond the funds (R20)
        Entries.post(api(), simple(month.atDay(1), "1010", "4500", "60000.00"));
        JsonNode original = Entries.post(api(), entry(month.atDay(2), "to reverse", List.of(
                line("5100", "debit", "40000.00"), line("5900", "debit", "5200.00"),
                line("1010", "credit", "40000.00"), line("2150", "credit", "5200.00"))));
        long id = original.get("id").asLong();

        Api.Response requested = api().post("finance", "/api/journal-entries/" + id + "/reversal",
                Map.of("date", month.atDay(20).toString(), "reason", "posted to the wrong component"));
        assertThat(requested.status()).as(requested.text()).isEqualTo(202);
        Api.Response approved = api().post("approver", "/api/approvals/" + requested.body().get("approval").asString()
                + "/approval", Map.of());
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        JsonNode reversal = approved.body().get("result");
        assertThat(reversal.get("reverses").asLong()).isEqualTo(id);
        assertThat(api().get("auditor", "/api/journal-entries/" + id).body().get("reversedBy").asLong())
                .isEqualTo(reversal.get("id").asLong());

        for (String account : List.of("5100", "5900", "2150")) {
            JsonNode row = trialBalanceRow(month, account);
            assertThat(row.get("debits").asString()).as(account).isEqualTo(row.get("credits").asString());
        }
        JsonNode cash = trialBalanceRow(month, "1010");
        assertThat(new BigDecimal(cash.get("debits").asString()).subtract(new BigDecimal(cash.get("credits").asString())))
                .as("1010: the cash put in on the 1st, the entry and its reversal netting to zero").isEqualByComparingTo("60000.00");
        Api.Response twice = api().post("finance", "/api/journal-entries/" + id + "/reversal",
                Map.of("date", month.atDay(21).toString(), "reason", "again"));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.body().get("type").asString()).isEqualTo("/problems/already-reversed");
    }

    @Test
    void reopening_a_period_needs_a_reason_and_another_officers_approval() {
        YearMonth month = Months.fresh();
        Closing.monthsBefore(api(), db, month);
        api().post("finance", "/api/periods/" + month + "/close", Map.of());
        assertThat(api().post("finance", "/api/periods/" + month + "/reopen", Map.of()).status()).isEqualTo(422);
        Api.Response requested = api().post("finance", "/api/periods/" + month + "/reopen",
                Map.of("reason", "late invoice from the secretariat"));
        assertThat(requested.status()).isEqualTo(202);
        assertThat(periodStatus(month)).isEqualTo("CLOSED");
        api().post("approver", "/api/approvals/" + requested.body().get("approval").asString() + "/approval", Map.of());
        assertThat(periodStatus(month)).isEqualTo("OPEN");
        assertThat(Entries.post(api(), simple(month.atDay(28), "5500", "2150", "12.00")).get("id").asLong()).isPositive();
    }

    private String periodStatus(YearMonth month) {
        return api().get("auditor", "/api/periods?from=" + month + "&to=" + month).body().get(0).get("status").asString();
    }

    private void assertProblem(Map<String, Object> entry, int status, String type) {
        Api.Response response = api().post("finance", "/api/journal-entries", entry);
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("type").asString()).isEqualTo(type);
        assertThat(response.body().get("detail").asString()).isNotBlank();
    }

    private JsonNode trialBalanceRow(YearMonth month, String account) {
        JsonNode balance = api().get("auditor", "/api/statements/trial-balance?from=" + month.atDay(1) + "&to="
                + month.atEndOfMonth()).body();
        for (JsonNode row : balance.get("accounts")) {
            if (row.get("code").asString().equals(account)) {
                return row;
            }
        }
        throw new AssertionError("no row for " + account);
    }
}
