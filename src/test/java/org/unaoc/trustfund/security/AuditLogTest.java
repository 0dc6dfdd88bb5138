package org.unaoc.trustfund.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.unaoc.trustfund.support.Api;
import org.unaoc.trustfund.support.ApiTest;
import tools.jackson.databind.JsonNode;

/** Every write, refusal, failed login and statement read leaves its row; nobody can change the log. */
class AuditLogTest extends ApiTest {

    private List<JsonNode> rows(String actor) {
        return api().get("auditor", "/api/audit-log?actor=" + actor).body().valueStream().toList();
    }

    @Test
    void writes_refusals_reads_of_statements_and_failed_logins_are_logged() {
        String reference = UUID.randomUUID().toString();
        Api.Response created = api().post("finance", "/api/pledges", Map.of("contributor", "NOBODY",
                "amount", Map.of("amount", "1.00", "currency", "USD"), "announcedOn", "2006-01-01", "note", reference));
        assertThat(created.status()).isEqualTo(422);
        api().get("approver", "/api/statements/trial-balance?from=2006-01-01&to=2006-01-31");
        api().send(api().request(null, "/api/fund").header("Authorization", "Basic "
                + java.util.Base64.getEncoder().encodeToString("ghost:wrong".getBytes())).GET().build());

        assertThat(rows("finance")).anySatisfy(row -> {
            assertThat(row.get("path").asString()).isEqualTo("/api/pledges");
            assertThat(row.get("outcome").asString()).isEqualTo("REFUSED");
            assertThat(row.get("status").asInt()).isEqualTo(422);
            assertThat(row.get("address").asString()).isNotBlank();
        });
        assertThat(rows("approver")).anySatisfy(row -> {
            assertThat(row.get("action").asString()).isEqualTo("READ");
            assertThat(row.get("path").asString()).startsWith("/api/statements/trial-balance");
        });
        assertThat(rows("ghost")).anySatisfy(row -> assertThat(row.get("action").asString()).isEqualTo("LOGIN"));
        assertThat(api().get("finance", "/api/audit-log").status()).isEqualTo(403);
    }

    @Test
    void a_successful_write_and_its_audit_row_commit_together() {
        Api.Response requested = api().post("finance", "/api/journal-entries", Map.of("date", "2051-06-01",
                "description", "audit " + UUID.randomUUID(), "lines", List.of(Map.of("account", "1010", "debit", "1.00"),
                        Map.of("account", "4500", "credit", "1.00"))));
        assertThat(requested.status()).isEqualTo(202);
        String approval = requested.body().get("approval").asString();
        api().post("approver", "/api/approvals/" + approval + "/approval", Map.of());
        assertThat(rows("approver")).anySatisfy(row -> {
            assertThat(row.get("path").asString()).isEqualTo("/api/approvals/" + approval + "/approval");
            assertThat(row.get("outcome").asString()).isEqualTo("DONE");
        });
        assertThatThrownBy(() -> db.execute("UPDATE audit_log SET actor = 'nobody' WHERE actor = 'approver'"))
                .rootCause().hasMessageContaining("permission denied");
    }
}
