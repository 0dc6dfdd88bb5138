package org.unaoc.trustfund.contributions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unaoc.trustfund.contributions.Books.tranche;
import static org.unaoc.trustfund.db.Tables.JOURNAL_ENTRY;
import static org.unaoc.trustfund.db.Tables.RECEIPT;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unaoc.trustfund.support.Api;
import org.unaoc.trustfund.support.ApiTest;
import tools.jackson.databind.JsonNode;

/**
 * Bank statements on a bank account of their own (a new CHF account per test), so that the
 * continuity of one test's statements is not another's.
 */
class BankStatementTest extends ApiTest {

    private Books books;
    private String iban;
    private String accountCode;

    @BeforeEach
    void account() {
        books = new Books(api());
        books.rates("currency,effectiveFrom,rate\nCHF,2006-01-01,1.25000\n");
        books.contributor("CH", "Swiss Confederation", "GOVERNMENT", false, true);
        accountCode = String.valueOf(db.fetchSingle("SELECT max(id) + 1 FROM account WHERE id < 1100").get(0, Integer.class));
        iban = "CH93" + UUID.randomUUID().toString().replace("-", "").substring(0, 17).toUpperCase();
        Api.Response added = api().post("finance", "/api/accounts", Map.of("code", accountCode,
                "name", "Cash — CHF bank account " + accountCode, "currency", "CHF", "iban", iban));
        assertThat(added.status()).as(added.text()).isEqualTo(201);
    }

    private Api.Response post(String xml) {
        return api().send(api().request("finance", "/api/bank-statements").header("Content-Type", "application/xml")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(xml)).build());
    }

    @Test
    void both_versions_are_read_matched_and_a_second_import_adds_nothing() {
        for (String version : List.of("02", "08")) {
            JsonNode agreement = books.agreement("CH", "2006-02-01", List.of(tranche("2006-07-31", "500000.00", "CHF")), Map.of());
            String reference = agreement.get("reference").asString();
            String statementId = "STMT-" + version + "-" + UUID.randomUUID();
            String xml = Camt.statement(version, statementId, iban, "CHF", version.equals("02") ? "0.00" : "500250.00",
                    version.equals("02") ? "500250.00" : "1000500.00", List.of(
                            Camt.credit("500000.00", "2006-07-20", "B-" + UUID.randomUUID(), "Swiss Confederation",
                                    "CH0000000000000000001", "Contribution " + reference),
                            Camt.credit("250.00", "2006-07-21", "B-" + UUID.randomUUID(), "Somebody Unknown",
                                    "DE00000000000000000002", "gift")));
            Api.Response first = post(xml);
            assertThat(first.status()).as(first.text()).isEqualTo(201);
            assertThat(first.body().get("receiptsCreated").asInt()).isEqualTo(2);
            assertThat(first.body().get("matched").asInt()).isEqualTo(1);
            assertThat(first.body().get("unapplied").asInt()).isEqualTo(1);
            assertThat(first.body().get("receipts").get(0).get("match").asString()).isEqualTo("AGREEMENT_REFERENCE");
            assertThat(api().get("finance", "/api/agreements/" + agreement.get("id").asLong()).body()
                    .get("tranches").get(0).get("status").asString()).isEqualTo("PAID");

            int receipts = db.fetchCount(RECEIPT);
            int entries = db.fetchCount(JOURNAL_ENTRY);
            Api.Response again = post(xml);
            assertThat(again.status()).as(again.text()).isEqualTo(200);
            assertThat(again.body().get("alreadyImported").asBoolean()).isTrue();
            assertThat(again.body().get("message").asString()).contains("nothing was added");
            assertThat(db.fetchCount(RECEIPT)).isEqualTo(receipts);
            assertThat(db.fetchCount(JOURNAL_ENTRY)).isEqualTo(entries);
        }
    }

    @Test
    void a_statement_that_does_not_follow_on_is_refused_with_both_figures() {
        String first = Camt.statement("02", "S1-" + UUID.randomUUID(), iban, "CHF", "0.00", "100.00",
                List.of(Camt.credit("100.00", "2006-07-02", "R-" + UUID.randomUUID(), "X", "X1", "")));
        assertThat(post(first).status()).isEqualTo(201);
        String gap = Camt.statement("02", "S2-" + UUID.randomUUID(), iban, "CHF", "150.00", "250.00",
                List.of(Camt.credit("100.00", "2006-07-05", "R-" + UUID.randomUUID(), "X", "X1", "")));
        Api.Response refused = post(gap);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().get("type").asString()).isEqualTo("/problems/statement-discontinuity");
        assertThat(refused.body().get("opening").asString()).isEqualTo("150.00");
        assertThat(refused.body().get("previousClosing").asString()).isEqualTo("100");
    }

    @Test
    void entries_that_do_not_add_up_are_refused_and_nothing_is_booked() {
        int receipts = db.fetchCount(RECEIPT);
        String wrong = Camt.statement("08", "S-" + UUID.randomUUID(), iban, "CHF", "0.00", "999.00",
                List.of(Camt.credit("100.00", "2006-07-02", "R-" + UUID.randomUUID(), "X", "X1", "")));
        Api.Response refused = post(wrong);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().get("type").asString()).isEqualTo("/problems/statement-does-not-add-up");
        assertThat(db.fetchCount(RECEIPT)).isEqualTo(receipts);
    }

    @Test
    void a_doctype_or_external_entity_is_refused() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE Document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><Stmt><Id>&xxe;</Id></Stmt></BkToCstmrStmt></Document>
                """;
        Api.Response refused = post(xxe);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().get("detail").asString()).contains("DOCTYPE");
        assertThat(refused.text()).doesNotContain("root:");
        Api.Response notCamt = post("<Document xmlns=\"urn:other\"/>");
        assertThat(notCamt.status()).isEqualTo(422);
        Api.Response broken = post("<Document");
        assertThat(broken.status()).isEqualTo(422);
    }

    @Test
    void a_csv_statement_books_credits_and_skips_lines_already_booked() {
        String reference = "C-" + UUID.randomUUID();
        String csv = StatementCsvHeader.HEADER + "\n2006-07-03,CRDT,300.00,CHF," + reference + ",\"Doe, Jane\",,\"gift, thanks\"\n"
                + "2006-07-04,DBIT,20.00,CHF,FEE-" + reference + ",,,bank fee\n";
        Api.Response imported = api().send(api().request("finance", "/api/bank-statements?account=" + accountCode
                        + "&statement=CSV-1&opening=0.00&closing=280.00").header("Content-Type", "text/csv")
                .header("Idempotency-Key", UUID.randomUUID().toString()).POST(HttpRequest.BodyPublishers.ofString(csv)).build());
        assertThat(imported.status()).as(imported.text()).isEqualTo(201);
        assertThat(imported.body().get("receiptsCreated").asInt()).isEqualTo(1);
        assertThat(imported.body().get("debitsAndPendingIgnored").asInt()).isEqualTo(1);
        long receipt = imported.body().get("receipts").get(0).get("receipt").asLong();
        JsonNode booked = api().get("finance", "/api/receipts/" + receipt).body();
        assertThat(booked.get("unapplied").get("amount").asString()).isEqualTo("300.00");
        assertThat(booked.get("usdValue").asString()).isEqualTo("240.00");
        assertThat(booked.get("payerName").asString()).isEqualTo("Doe, Jane");

        String next = StatementCsvHeader.HEADER + "\n2006-07-03,CRDT,300.00,CHF," + reference + ",\"Doe, Jane\",,\"gift, thanks\"\n";
        Api.Response overlapping = api().send(api().request("finance", "/api/bank-statements?account=" + accountCode
                        + "&statement=CSV-2&opening=280.00&closing=580.00").header("Content-Type", "text/csv")
                .header("Idempotency-Key", UUID.randomUUID().toString()).POST(HttpRequest.BodyPublishers.ofString(next)).build());
        assertThat(overlapping.status()).as(overlapping.text()).isEqualTo(201);
        assertThat(overlapping.body().get("duplicatesSkipped").asInt()).isEqualTo(1);
        assertThat(overlapping.body().get("receiptsCreated").asInt()).isZero();
    }

    /** The documented CSV header, kept in one place with the parser. */
    static final class StatementCsvHeader {
        static final String HEADER = StatementCsv.HEADER;
    }
}
