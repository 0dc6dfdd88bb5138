package org.unaoc.trustfund.spending;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.unaoc.trustfund.contributions.R7;
import org.unaoc.trustfund.support.Api;
import org.unaoc.trustfund.support.ApiTest;
import tools.jackson.databind.JsonNode;

/** J-H: an allowance first, then the write-off approved by another officer, in the schedule for the auditors. */
class WriteOffTest extends ApiTest {

    @Test
    void j_h_allowance_then_write_off_after_approval() {
        Spend spend = new Spend(api());
        spend.contributor("PK");
        Api.Response signed = api().post("finance", "/api/agreements", Map.of("contributor", "PK", "reference",
                "PK-" + UUID.randomUUID(), "signedOn", "2006-06-01",
                "tranches", List.of(Map.of("dueOn", "2006-12-31", "amount", Spend.usd("50000.00")))));
        assertThat(signed.status()).as(signed.text()).isEqualTo(201);
        long id = signed.body().get("id").asLong();

        Api.Response allowance = api().post("finance", "/api/impairments", Map.of("agreement", id, "date", "2008-12-31",
                "reason", "no payment after three reminders"));
        assertThat(allowance.status()).as(allowance.text()).isEqualTo(201);
        long allowanceEntry = db.fetchSingle("SELECT entry_id FROM write_off WHERE id = ?", allowance.body().get("id").asLong())
                .get(0, Long.class);
        assertThat(spend.lines(api().get("auditor", "/api/journal-entries/" + allowanceEntry).body()))
                .containsExactly("6500 Dr 50000.00", "1290 Cr 50000.00");
        assertThat(api().post("finance", "/api/impairments", Map.of("agreement", id, "date", "2008-12-31",
                "reason", "again")).status()).isEqualTo(409);

        Api.Response requested = api().post("finance", "/api/write-offs", Map.of("agreement", id, "date", "2009-03-31",
                "reason", "contributor confirmed it will not pay"));
        assertThat(requested.status()).as(requested.text()).isEqualTo(202);
        assertThat(api().post("finance", "/api/approvals/" + requested.body().get("approval").asString() + "/approval",
                Map.of()).status()).isEqualTo(403);
        JsonNode written = spend.approve(requested);
        assertThat(written.get("kind").asString()).isEqualTo("WRITE_OFF");
        assertThat(written.get("maker").asString()).isEqualTo("finance");
        assertThat(written.get("approver").asString()).isEqualTo("approver");
        long entry = db.fetchSingle("SELECT entry_id FROM write_off WHERE id = ?", written.get("id").asLong()).get(0, Long.class);
        assertThat(spend.lines(api().get("auditor", "/api/journal-entries/" + entry).body()))
                .containsExactly("1290 Dr 50000.00", "1210 Cr 50000.00");

        JsonNode tranche = api().get("finance", "/api/agreements/" + id).body().get("tranches").get(0);
        assertThat(tranche.get("status").asString()).isEqualTo("WRITTEN_OFF");
        assertThat(tranche.get("writtenOff").get("amount").asString()).isEqualTo("50000.00");
        assertThat(tranche.get("outstanding").get("amount").asString()).isEqualTo("0.00");
        assertThat(api().get("auditor", "/api/statements/write-offs?from=2008-01-01&to=2009-12-31").body().valueStream()
                .filter(w -> w.get("agreement").asLong() == id).map(w -> w.get("kind").asString()))
                .containsExactly("ALLOWANCE", "WRITE_OFF");
        R7.holds(db, id);
    }
}
