package org.unaoc.trustfund.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.unaoc.trustfund.support.Api;
import org.unaoc.trustfund.support.Closing;
import org.unaoc.trustfund.support.FreshBooksTest;
import org.unaoc.trustfund.system.DatabaseLocation;
import tools.jackson.databind.JsonNode;

/** Tampering directly in the database is found by /api/integrity, which names the first entry affected. */
class IntegrityTest extends FreshBooksTest {

    @Autowired
    DatabaseLocation database;

    private List<Long> post(int count) {
        api().post("finance", "/api/contributors", Map.of("code", "IS", "name", "Iceland", "type", "GOVERNMENT"));
        List<Long> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Api.Response receipt = api().post("finance", "/api/receipts", Map.of("contributor", "IS",
                    "amount", Map.of("amount", (100 + i) + ".00", "currency", "USD"), "receivedOn", "2006-05-0" + (1 + i % 9),
                    "bankAccount", "1010", "bankReference", "INT-" + UUID.randomUUID()));
            assertThat(receipt.status()).as(receipt.text()).isEqualTo(201);
            entries.add(receipt.body().get("entry").asLong());
        }
        return entries;
    }

    private JsonNode verify() {
        Api.Response response = api().get("auditor", "/api/integrity");
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.body();
    }

    /** As a person with the owner's password at psql would, with the immutability triggers switched off. */
    private void tamper(String... statements) throws Exception {
        try (Connection owner = DriverManager.getConnection(database.url(), database.user(), database.password())) {
            owner.setAutoCommit(false);
            var sql = owner.createStatement();
            sql.execute("SET session_replication_role = replica");
            for (String statement : statements) {
                sql.execute(statement);
            }
            owner.commit();
        }
    }

    @Test
    void an_untouched_book_verifies_and_each_kind_of_tampering_is_named() throws Exception {
        List<Long> entries = post(8);
        Closing.monthsBefore(api(), db, java.time.YearMonth.of(2006, 5));
        api().post("finance", "/api/periods/2006-05/close", Map.of());
        JsonNode clean = verify();
        assertThat(clean.get("status").asString()).isEqualTo("VERIFIED");
        assertThat(clean.get("linksChecked").asLong()).isGreaterThanOrEqualTo(9);
        assertThat(clean.get("entriesNotYetChained").asLong()).isZero();
        assertThat(api().get("auditor", "/api/journal-entries/" + entries.getFirst()).body().get("hash").asString()).hasSize(64);
        assertThat(api().get("finance", "/api/integrity").status()).isEqualTo(403);

        tamper("UPDATE journal_line SET amount_usd = amount_usd + 1 WHERE entry_id = " + entries.get(5) + " AND amount_usd > 0",
                "UPDATE journal_line SET amount_usd = amount_usd - 1 WHERE entry_id = " + entries.get(5) + " AND amount_usd < 0");
        JsonNode changed = verify();
        assertThat(changed.get("status").asString()).isEqualTo("BROKEN");
        assertThat(changed.get("firstBroken").get("entry").asLong()).isEqualTo(entries.get(5));
        assertThat(changed.get("firstBroken").get("reason").asString()).contains("content");

        tamper("UPDATE journal_line SET amount_usd = amount_usd - 1 WHERE entry_id = " + entries.get(5) + " AND amount_usd > 0",
                "UPDATE journal_line SET amount_usd = amount_usd + 1 WHERE entry_id = " + entries.get(5) + " AND amount_usd < 0");
        assertThat(verify().get("status").asString()).isEqualTo("VERIFIED");

        long a = entries.get(2);
        long b = entries.get(3);
        tamper("UPDATE journal_entry SET description = CASE id WHEN " + a + " THEN (SELECT description FROM journal_entry WHERE id = "
                + b + ") ELSE (SELECT description FROM journal_entry WHERE id = " + a + ") END WHERE id IN (" + a + ", " + b + ")");
        JsonNode swapped = verify();
        assertThat(swapped.get("status").asString()).isEqualTo("BROKEN");
        assertThat(swapped.get("firstBroken").get("entry").asLong()).isEqualTo(a);

        tamper("UPDATE journal_entry SET description = CASE id WHEN " + a + " THEN (SELECT description FROM journal_entry WHERE id = "
                + b + ") ELSE (SELECT description FROM journal_entry WHERE id = " + a + ") END WHERE id IN (" + a + ", " + b + ")");
        assertThat(verify().get("status").asString()).isEqualTo("VERIFIED");

        tamper("DELETE FROM journal_line WHERE entry_id = " + entries.get(1), "DELETE FROM receipt_application WHERE entry_id = "
                + entries.get(1), "DELETE FROM receipt WHERE entry_id = " + entries.get(1),
                "DELETE FROM journal_entry WHERE id = " + entries.get(1));
        JsonNode deleted = verify();
        assertThat(deleted.get("status").asString()).isEqualTo("BROKEN");
        assertThat(deleted.get("firstBroken").get("entry").asLong()).isEqualTo(entries.get(1));
        assertThat(deleted.get("firstBroken").get("reason").asString()).contains("missing");

        tamper("DELETE FROM chain_link WHERE entry_id = " + entries.get(1));
        JsonNode unlinked = verify();
        assertThat(unlinked.get("status").asString()).isEqualTo("BROKEN");
        assertThat(unlinked.get("firstBroken").get("entry").asLong()).isEqualTo(entries.get(2));
        assertThat(unlinked.get("firstBroken").get("reason").asString()).contains("does not follow");
    }
}
