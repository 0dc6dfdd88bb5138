package org.unaoc.trustfund.ledger;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.unaoc.trustfund.support.Api;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Request bodies and the request-then-approve journey, for the ledger tests. */
final class Entries {

    private Entries() {
    }

    static Map<String, Object> line(String account, String side, String amount) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("account", account);
        line.put(side, amount);
        return line;
    }

    static Map<String, Object> entry(LocalDate date, String description, List<Map<String, Object>> lines) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("date", date.toString());
        entry.put("description", description);
        entry.put("lines", lines);
        return entry;
    }

    static Map<String, Object> simple(LocalDate date, String debitAccount, String creditAccount, String amount) {
        return entry(date, "Test entry " + debitAccount + "/" + creditAccount + " " + amount,
                List.of(line(debitAccount, "debit", amount), line(creditAccount, "credit", amount)));
    }

    /** finance requests, approver approves: returns the posted entry. */
    static JsonNode post(Api api, Map<String, Object> entry) {
        Api.Response requested = api.post("finance", "/api/journal-entries", entry);
        assertThat(requested.status()).as(requested.text()).isEqualTo(202);
        Api.Response approved = api.post("approver", "/api/approvals/" + requested.body().get("approval").asString()
                + "/approval", Map.of());
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        return approved.body().get("result");
    }
}
