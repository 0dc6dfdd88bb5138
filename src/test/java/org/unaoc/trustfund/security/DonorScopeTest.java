package org.unaoc.trustfund.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.unaoc.trustfund.support.Api;
import org.unaoc.trustfund.support.ApiTest;

/** qatar cannot read Spain's agreements, receipts or figures through any endpoint, nor tell whether an id exists. */
class DonorScopeTest extends ApiTest {

    @Test
    void a_donor_sees_only_its_own_contributor() throws Exception {
        for (String code : List.of("ES", "QA")) {
            api().post("finance", "/api/contributors", Map.of("code", code, "name", code.equals("ES") ? "Spain" : "Qatar",
                    "type", "GOVERNMENT"));
        }
        Api.Response spanish = api().post("finance", "/api/agreements", Map.of("contributor", "ES", "reference",
                "ES-" + UUID.randomUUID(), "signedOn", "2006-08-01",
                "tranches", List.of(Map.of("dueOn", "2006-12-31", "amount", Map.of("amount", "300.00", "currency", "USD")))));
        long agreement = spanish.body().get("id").asLong();
        Api.Response receipt = api().post("finance", "/api/receipts", Map.of("agreement", agreement,
                "amount", Map.of("amount", "300.00", "currency", "USD"), "receivedOn", "2006-09-01", "bankAccount", "1010",
                "bankReference", "ES-" + UUID.randomUUID()));
        long receiptId = receipt.body().get("id").asLong();

        Api.Response foreignAgreement = api().get("qatar", "/api/agreements/" + agreement);
        Api.Response missingAgreement = api().get("qatar", "/api/agreements/987654321");
        assertThat(foreignAgreement.status()).isEqualTo(404);
        assertThat(foreignAgreement.body().get("detail").asString().replace(String.valueOf(agreement), "ID"))
                .isEqualTo(missingAgreement.body().get("detail").asString().replace("987654321", "ID"));
        assertThat(api().get("qatar", "/api/receipts/" + receiptId).status()).isEqualTo(404);
        assertThat(api().get("qatar", "/api/receipts/987654321").status()).isEqualTo(404);
        assertThat(api().get("qatar", "/api/contributors/ES").status()).isEqualTo(404);
        assertThat(api().get("qatar", "/api/contributors").body().valueStream().map(c -> c.get("code").asString()))
                .containsOnly("QA");
        assertThat(api().get("qatar", "/api/receipts").body().valueStream().map(r -> r.get("contributor").asString()))
                .doesNotContain("ES");
        assertThat(api().get("qatar", "/api/agreements").body().valueStream().map(a -> a.get("contributor").asString()))
                .doesNotContain("ES");
        assertThat(api().get("qatar", "/api/statements/contributions?asOf=2006-12-31").text()).doesNotContain("\"ES\"");
        assertThat(api().get("qatar", "/api/statements/contributions?asOf=2006-12-31&format=csv").text()).doesNotContain("Spain");
        assertThat(api().getBytes("qatar", "/api/statements/contributions?asOf=2006-12-31&format=pdf")).isNotEmpty();
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(api().getBytes("qatar",
                "/api/statements/contributions?asOf=2006-12-31&format=pdf"))) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(pdf)).doesNotContain("Spain");
        }
        assertThat(api().get("qatar", "/api/statements/trial-balance?format=csv").status()).isEqualTo(403);
        for (String path : List.of("/api/journal-entries/1", "/api/accounts", "/api/statements/trial-balance",
                "/api/availability", "/api/audit-log", "/api/accounts/1010/entries")) {
            assertThat(api().get("qatar", path).status()).as(path).isEqualTo(403);
        }
        // a co-sponsor sees the whole fund's status but another contributor's details not
        assertThat(api().get("turkey", "/api/statements/contributions?asOf=2006-12-31").text()).contains("\"ES\"");
        assertThat(api().get("turkey", "/api/agreements/" + agreement).status()).isEqualTo(404);
        assertThat(api().get("spain", "/api/agreements/" + agreement).status()).isEqualTo(200);
        assertThat(api().get("spain", "/api/receipts/" + receiptId).status()).isEqualTo(200);
    }
}
