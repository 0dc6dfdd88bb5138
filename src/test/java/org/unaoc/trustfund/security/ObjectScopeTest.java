package org.unaoc.trustfund.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unaoc.trustfund.support.Api;
import org.unaoc.trustfund.support.ApiTest;
import tools.jackson.databind.JsonNode;

/**
 * Issue #18 item 3, the findings of the review among them: a co-sponsor reads no other
 * contributor's bank details; the administrator and the report authors see aggregates only; cash
 * goes only to an agreement of whoever sent it.
 */
class ObjectScopeTest extends ApiTest {

    private static final String FOREIGN_IBAN = "QA58DOHB00001234567890ABCDEFG";

    private static String fresh(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase(java.util.Locale.ROOT);
    }

    @BeforeEach
    void spainAndQatar() {
        for (String code : List.of("ES", "QA")) {
            Api.Response made = api().post("finance", "/api/contributors", Map.of("code", code, "name", code, "type", "GOVERNMENT"));
            assertThat(made.status()).as(made.text()).isIn(201, 409);
        }
    }

    private String contributor(String code, List<String> ibans) {
        Api.Response made = api().post("finance", "/api/contributors", Map.of("code", code, "name", code, "type", "FOUNDATION",
                "ibans", ibans));
        assertThat(made.status()).as(made.text()).isIn(201, 409);
        return code;
    }

    private long agreement(String contributor, String amount) {
        Api.Response made = api().post("finance", "/api/agreements", Map.of("contributor", contributor, "reference",
                contributor + "-" + UUID.randomUUID(), "signedOn", "2006-08-01",
                "tranches", List.of(Map.of("dueOn", "2006-12-31", "amount", Map.of("amount", amount, "currency", "USD")))));
        assertThat(made.status()).as(made.text()).isEqualTo(201);
        return made.body().get("id").asLong();
    }

    private long receipt(Map<String, Object> fields) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("amount", Map.of("amount", "300.00", "currency", "USD"),
                "receivedOn", "2006-09-01", "bankAccount", "1010", "bankReference", "SCOPE-" + UUID.randomUUID()));
        body.putAll(fields);
        Api.Response made = api().post("finance", "/api/receipts", body);
        assertThat(made.status()).as(made.text()).isEqualTo(201);
        return made.body().get("id").asLong();
    }

    @Test
    void spain_reads_no_iban_of_another_contributor_neither_in_its_detail_nor_in_the_list() {
        String foreign = contributor(fresh("IBAN"), List.of(FOREIGN_IBAN));
        Api.Response detail = api().get("spain", "/api/contributors/" + foreign);
        assertThat(detail.status()).isEqualTo(404);
        assertThat(detail.body().get("type").asString()).isEqualTo("/problems/not-found");
        assertThat(detail.body().get("detail").asString().replace(foreign, "CODE"))
                .as("like a contributor that does not exist").isEqualTo(api().get("spain", "/api/contributors/NOPE-0")
                        .body().get("detail").asString().replace("NOPE-0", "CODE"));
        assertThat(detail.text()).doesNotContain(FOREIGN_IBAN);
        assertThat(api().get("spain", "/api/contributors/ES").status()).as("its own").isEqualTo(200);
        Api.Response list = api().get("spain", "/api/contributors");
        assertThat(list.text()).doesNotContain(FOREIGN_IBAN);
        JsonNode listed = list.body().valueStream().filter(c -> c.get("code").asString().equals(foreign)).findFirst().orElseThrow();
        assertThat(listed.get("name").asString()).as("the whole fund's pledge status names it").isEqualTo(foreign);
        assertThat(listed.get("ibans").isNull()).isTrue();
        assertThat(api().get("finance", "/api/contributors/" + foreign).body().get("ibans").get(0).asString())
                .isEqualTo(FOREIGN_IBAN);
    }

    @Test
    void the_administrator_and_the_report_author_see_no_agreement_of_any_donor() {
        long qatari = agreement("QA", "500.00");
        for (String user : List.of("admin", "author")) {
            for (String path : List.of("/api/agreements", "/api/agreements/" + qatari, "/api/receipts", "/api/pledges",
                    "/api/contributors", "/api/contributors/QA")) {
                Api.Response refused = api().get(user, path);
                assertThat(refused.status()).as(user + " " + path).isEqualTo(403);
                assertThat(refused.body().get("type").asString()).isEqualTo("/problems/forbidden");
            }
            assertThat(api().get(user, "/api/statements/funding-status").status()).as("the aggregate they may read")
                    .isEqualTo(200);
        }
    }

    @Test
    void cash_goes_only_to_an_agreement_of_whoever_sent_it() {
        String sender = contributor(fresh("SND"), List.of());
        String other = contributor(fresh("OTH"), List.of());
        // the sender pays 400.00 on an agreement of 300.00: 100.00 is held as unapplied (R5)
        long senders = agreement(sender, "300.00");
        Api.Response overpaid = api().post("finance", "/api/receipts", Map.of("agreement", senders,
                "amount", Map.of("amount", "400.00", "currency", "USD"), "receivedOn", "2006-09-01", "bankAccount", "1010",
                "bankReference", "SCOPE-" + UUID.randomUUID()));
        assertThat(overpaid.status()).as(overpaid.text()).isEqualTo(201);
        long fromSender = overpaid.body().get("id").asLong();
        long unidentified = receipt(Map.of());
        long others = agreement(other, "300.00");
        long sendersNext = agreement(sender, "100.00");

        Api.Response wrongAgreement = api().post("finance", "/api/receipts/" + fromSender + "/application",
                Map.of("agreement", others, "date", "2006-09-02"));
        assertThat(wrongAgreement.status()).as(wrongAgreement.text()).isEqualTo(422);
        assertThat(wrongAgreement.body().get("field").asString()).isEqualTo("agreement");
        assertThat(wrongAgreement.body().get("detail").asString()).contains("came from " + sender);

        // unidentified cash needs its contributor named, and only that contributor's agreement takes it
        Api.Response unnamed = api().post("finance", "/api/receipts/" + unidentified + "/application",
                Map.of("agreement", others, "date", "2006-09-02"));
        assertThat(unnamed.status()).isEqualTo(422);
        assertThat(unnamed.body().get("field").asString()).isEqualTo("contributor");
        Api.Response misnamed = api().post("finance", "/api/receipts/" + unidentified + "/application",
                Map.of("agreement", others, "contributor", sender, "date", "2006-09-02"));
        assertThat(misnamed.status()).isEqualTo(422);
        assertThat(misnamed.body().get("field").asString()).isEqualTo("contributor");
        assertThat(api().get("finance", "/api/receipts/" + fromSender).body().get("unapplied").get("amount").asString())
                .as("nothing written by the refusals").isEqualTo("100.00");
        assertThat(api().get("finance", "/api/receipts/" + unidentified).body().get("unapplied").get("amount").asString())
                .isEqualTo("300.00");

        Api.Response applied = api().post("finance", "/api/receipts/" + unidentified + "/application",
                Map.of("agreement", others, "contributor", other, "date", "2006-09-02"));
        assertThat(applied.status()).as(applied.text()).isEqualTo(200);
        assertThat(applied.body().get("unapplied").get("amount").asString()).isEqualTo("0.00");
        Api.Response own = api().post("finance", "/api/receipts/" + fromSender + "/application",
                Map.of("agreement", sendersNext, "date", "2006-09-02"));
        assertThat(own.status()).as(own.text()).isEqualTo(200);
    }
}
