package org.unaoc.trustfund.contributions;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.unaoc.trustfund.support.Api;
import org.unaoc.trustfund.support.FreshBooksTest;
import tools.jackson.databind.JsonNode;

/**
 * The bank reconciliation of 1010 (#17 item 4), worked by hand. July: the books hold a receipt of
 * 100,000.00 (MANUAL-1, 10 July), a payment of 20,000.00 (20 July) and a receipt of 2,000.00 (MANUAL-2,
 * 30 July); the July statement (opening 0.00, closing 84,965.00) shows MANUAL-1, the payment on 21 July,
 * an unknown credit of 5,000.00 (NEW-1, booked by the import as unapplied cash) and bank charges of
 * 35.00. Ledger 87,000.00 = 84,965.00 + 2,000.00 (in the books only) + 35.00 (on the statement only).
 * August's statement (closing 76,965.00) shows MANUAL-2 and a payment of 10,000.00 on 6 August, which
 * the books record only after the import (5 August): before, it is on the statement only; after, it
 * matches. Booking the charges leaves nothing to explain.
 */
class BankReconciliationTest extends FreshBooksTest {

    @Test
    void the_books_against_the_bank_with_each_difference_named() {
        api().post("finance", "/api/contributors", Map.of("code", "ES", "name", "Spain", "type", "GOVERNMENT"));
        receipt("MANUAL-1", "100000.00", "2006-07-10");
        pay("20000.00", "2006-07-20");
        receipt("MANUAL-2", "2000.00", "2006-07-30");
        statement("JUL", "0.00", "84965.00", """
                2006-07-10,CRDT,100000.00,USD,MANUAL-1,Ministerio,,contribution
                2006-07-21,DBIT,20000.00,USD,PAY-1,,,payment
                2006-07-25,CRDT,5000.00,USD,NEW-1,Unknown payer,,
                2006-07-31,DBIT,35.00,USD,FEE-JUL,,,bank charges
                """);

        JsonNode july = reconciliation("2006-07-31");
        assertThat(july.get("statement").asString()).isEqualTo("JUL");
        assertThat(july.get("statementDate").asString()).isEqualTo("2006-07-31");
        assertThat(money(july, "statementClosingBalance")).isEqualByComparingTo("84965.00");
        assertThat(money(july, "ledgerBalance")).isEqualByComparingTo("87000.00");
        assertThat(items(july, "inTheBooksNotOnTheStatement")).containsExactly("2006-07-30 2000.00");
        assertThat(items(july, "onTheStatementNotInTheBooks")).containsExactly("2006-07-31 -35.00 FEE-JUL");
        assertThat(money(july, "unexplained")).isEqualByComparingTo("0");
        assertThat(july.get("reconciled").asBoolean()).isFalse();

        statement("AUG", "84965.00", "76965.00", """
                2006-08-02,CRDT,2000.00,USD,MANUAL-2,Ministerio,,contribution
                2006-08-06,DBIT,10000.00,USD,PAY-2,,,payment
                """);
        JsonNode before = reconciliation("2006-08-31");
        assertThat(money(before, "ledgerBalance")).isEqualByComparingTo("87000.00");
        assertThat(items(before, "inTheBooksNotOnTheStatement")).isEmpty();
        assertThat(items(before, "onTheStatementNotInTheBooks")).containsExactly("2006-07-31 -35.00 FEE-JUL",
                "2006-08-06 -10000.00 PAY-2");
        assertThat(money(before, "unexplained")).isEqualByComparingTo("0");

        pay("10000.00", "2006-08-05");
        JsonNode after = reconciliation("2006-08-31");
        assertThat(money(after, "ledgerBalance")).isEqualByComparingTo("77000.00");
        assertThat(items(after, "onTheStatementNotInTheBooks")).containsExactly("2006-07-31 -35.00 FEE-JUL");
        assertThat(money(after, "unexplained")).isEqualByComparingTo("0");

        api().approved(api().post("finance", "/api/journal-entries", Map.of("date", "2006-07-31", "description", "Bank charges, July",
                "lines", List.of(Map.of("account", "6200", "debit", "35.00"), Map.of("account", "1010", "credit", "35.00")))));
        JsonNode reconciled = reconciliation("2006-08-31");
        assertThat(items(reconciled, "inTheBooksNotOnTheStatement")).isEmpty();
        assertThat(items(reconciled, "onTheStatementNotInTheBooks")).isEmpty();
        assertThat(money(reconciled, "ledgerBalance")).isEqualByComparingTo(money(reconciled, "statementClosingBalance"));
        assertThat(reconciled.get("reconciled").asBoolean()).isTrue();
        assertThat(money(reconciliation("2006-07-31"), "ledgerBalance")).as("July after the charges").isEqualByComparingTo("86965.00");

        // the bank credits 3,100.00 under the reference of a receipt the books hold at 3,000.00: both stay items, named
        receipt("MANUAL-3", "3000.00", "2006-09-10");
        statement("SEP", "76965.00", "80065.00", """
                2006-09-10,CRDT,3100.00,USD,MANUAL-3,Ministerio,,contribution
                """);
        JsonNode september = reconciliation("2006-09-30");
        assertThat(items(september, "inTheBooksNotOnTheStatement")).containsExactly("2006-09-10 3000.00");
        assertThat(items(september, "onTheStatementNotInTheBooks")).containsExactly("2006-09-10 3100.00 MANUAL-3");
        assertThat(money(september, "unexplained")).isEqualByComparingTo("0");

        Api.Response none = api().get("auditor", "/api/bank-accounts/1010/reconciliation?asOf=2006-06-30");
        assertThat(none.status()).as(none.text()).isEqualTo(404);
        assertThat(none.body().get("type").asString()).isEqualTo("/problems/not-found");
        assertThat(none.body().get("detail").asString()).contains("2006-06-30").contains("POST /api/bank-statements");
        Api.Response notBank = api().get("auditor", "/api/bank-accounts/1210/reconciliation?asOf=2006-08-31");
        assertThat(notBank.status()).as(notBank.text()).isEqualTo(404);
        assertThat(notBank.body().get("detail").asString()).contains("1210");
    }

    private JsonNode reconciliation(String asOf) {
        Api.Response response = api().get("auditor", "/api/bank-accounts/1010/reconciliation?asOf=" + asOf);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.body().get("currency").asString()).isEqualTo("USD");
        return response.body();
    }

    private static BigDecimal money(JsonNode body, String field) {
        return new BigDecimal(body.get(field).asString());
    }

    /** Each item as "date amount" and, for a statement entry, its bank reference. */
    private static List<String> items(JsonNode body, String field) {
        return body.get(field).valueStream().map(i -> i.get("date").asString() + " "
                + new BigDecimal(i.get("amount").asString()).setScale(2) + (i.get("reference").isNull() ? ""
                : " " + i.get("reference").asString())).toList();
    }

    private void receipt(String reference, String amount, String date) {
        Api.Response response = api().post("finance", "/api/receipts", Map.of("contributor", "ES", "amount",
                Map.of("amount", amount, "currency", "USD"), "receivedOn", date, "bankAccount", "1010", "bankReference", reference));
        assertThat(response.status()).as(response.text()).isEqualTo(201);
    }

    private void pay(String amount, String date) {
        api().approved(api().post("finance", "/api/expenditures", Map.of("component", "HLG", "objectClass", "CONTRACTUAL",
                "amount", Map.of("amount", amount, "currency", "USD"), "date", date, "payee", "Consultant " + amount,
                "description", "Study for the Group")));
    }


    private void statement(String reference, String opening, String closing, String lines) {
        String csv = BankStatementTest.StatementCsvHeader.HEADER + "\n" + lines;
        Api.Response imported = api().send(api().request("finance", "/api/bank-statements?account=1010&statement=" + reference
                        + "&opening=" + opening + "&closing=" + closing).header("Content-Type", "text/csv")
                .header("Idempotency-Key", UUID.randomUUID().toString()).POST(HttpRequest.BodyPublishers.ofString(csv)).build());
        assertThat(imported.status()).as(imported.text()).isEqualTo(201);
    }
}
