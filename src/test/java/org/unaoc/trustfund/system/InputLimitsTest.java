package org.unaoc.trustfund.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.unaoc.trustfund.db.Tables;
import org.unaoc.trustfund.support.Api;
import org.unaoc.trustfund.support.ApiTest;

/**
 * What the fund takes in, whatever is sent (issue #18 item 5): decimals of at most 30 digits and a
 * scale from -12 to 12, as JSON numbers or strings; bodies of at most 1 MiB, except a bank
 * statement's import. Each refusal is a problem naming what was wrong, and writes nothing.
 */
class InputLimitsTest extends ApiTest {

    private Api.Response receipt(String amount) {
        return api().post("finance", "/api/receipts", "{\"amount\": {\"amount\": " + amount + ", \"currency\": \"USD\"}, "
                + "\"receivedOn\": \"2006-08-01\", \"bankAccount\": \"1010\", \"bankReference\": \"LIMIT-" + UUID.randomUUID() + "\"}");
    }

    private static void refusedFor(Api.Response response, String field) {
        assertThat(response.status()).as(response.text()).isEqualTo(422);
        assertThat(response.body().get("type").asString()).isEqualTo("/problems/invalid-request");
        assertThat(response.body().get("field").asString()).isEqualTo(field);
    }

    @Test
    void a_number_with_an_exponent_of_a_hundred_million_is_a_422_naming_the_field() {
        int receipts = db.fetchCount(Tables.RECEIPT);
        refusedFor(receipt("1E+100000000"), "amount.amount");
        refusedFor(receipt("\"1E+100000000\""), "amount.amount");
        refusedFor(receipt("\"1e-100000000\""), "amount.amount");
        assertThat(receipt("\"1E+100000000\"").body().get("detail").asString()).contains("at most 30 digits");
        assertThat(db.fetchCount(Tables.RECEIPT)).isEqualTo(receipts);
    }

    @Test
    void thirty_one_digits_or_thirteen_decimals_are_refused_and_thirty_digits_are_read() {
        refusedFor(receipt("\"1234567890123456789012345678901\""), "amount.amount");
        refusedFor(receipt("\"0.0000000000001\""), "amount.amount");
        Api.Response thirty = receipt("\"123456789012345678901234567890\"");
        assertThat(thirty.status()).as(thirty.text()).isEqualTo(422);
        assertThat(thirty.body().get("detail").asString()).as("read, then judged as money")
                .contains("at most 18 digits before the decimal point");
        Api.Response line = api().post("finance", "/api/journal-entries", "{\"date\": \"2050-02-03\", \"description\": \"x\", "
                + "\"lines\": [{\"account\": \"1010\", \"debit\": 1E+100000000}, {\"account\": \"4500\", \"credit\": \"1.00\"}]}");
        refusedFor(line, "lines[0].debit");
    }

    @Test
    void before_any_login_a_body_over_1_MiB_is_refused_unread() {
        byte[] big = new byte[2 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'x');
        for (String method : List.of("PUT", "POST", "DELETE")) {
            for (String path : List.of("/", "/login", "/api/fund", "/receipts")) {
                Api.Response refused = api().send(api().request(null, path)
                        .header("Content-Type", method.equals("POST") && path.equals("/login")
                                ? "multipart/form-data; boundary=x" : "application/x-www-form-urlencoded")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(big)).build());
                assertThat(refused.status()).as(method + " " + path).isEqualTo(413);
                assertThat(refused.body().get("type").asString()).isEqualTo("/problems/payload-too-large");
            }
        }
    }

    @Test
    void a_bank_statement_with_an_amount_of_a_hundred_million_digits_is_refused() {
        String statement = "bookingDate,creditDebit,amount,currency,reference,payerName,payerIban,remittance\n"
                + "2006-07-03,CRDT,1E+100000000,USD,R-" + UUID.randomUUID() + ",Doe,,gift\n";
        Api.Response refused = api().send(api().request("finance", "/api/bank-statements?account=1010&statement=S-"
                        + UUID.randomUUID() + "&opening=0.00&closing=1E+100000000")
                .header("Content-Type", "text/csv").header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(statement)).build());
        assertThat(refused.status()).as(refused.text()).isEqualTo(422);
        assertThat(refused.body().get("detail").asString()).contains("at most 30 digits");
        Api.Response rate = api().send(api().request("finance", "/api/exchange-rates/import")
                .header("Content-Type", "text/csv").header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString("currency,effectiveFrom,rate\nEUR,2024-01-01,1E+2000000000\n")).build());
        assertThat(rate.status()).as(rate.text()).isEqualTo(422);
        assertThat(rate.body().get("detail").asString()).contains("at most 30 digits");
    }

    @Test
    void a_body_over_1_MiB_is_413_and_only_a_bank_statement_may_be_larger() {
        String padding = "x".repeat(1024 * 1024);
        Api.Response contributor = api().post("finance", "/api/contributors",
                "{\"code\": \"BIG\", \"name\": \"" + padding + "\", \"type\": \"FOUNDATION\"}");
        assertThat(contributor.status()).isEqualTo(413);
        assertThat(contributor.body().get("type").asString()).isEqualTo("/problems/payload-too-large");
        assertThat(contributor.body().get("limit").asLong()).isEqualTo(1024 * 1024);
        assertThat(db.fetchCount(Tables.CONTRIBUTOR, Tables.CONTRIBUTOR.CODE.eq("BIG"))).isZero();

        String statement = "date,type,amount,currency,reference,debtor,iban,remittance\n# " + padding + "\n";
        Api.Response imported = api().send(api().request("finance", "/api/bank-statements")
                .header("Content-Type", "text/csv").header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(statement)).build());
        assertThat(imported.status()).as("a 1 MiB statement is read: " + imported.text()).isNotEqualTo(413).isLessThan(500);
    }
}
