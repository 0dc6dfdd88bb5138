package org.unaoc.trustfund.contributions;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.unaoc.trustfund.support.Api;
import tools.jackson.databind.JsonNode;

/** Setting up contributors, rates, agreements and receipts over HTTP, and reading entries back as lines. */
final class Books {

    /** The rates of ACCOUNTING.md §5, EUR per USD. */
    static final String GOLDEN_EUR_RATES = """
            currency,effectiveFrom,rate
            EUR,2006-03-01,0.80000
            EUR,2006-07-01,0.78125
            EUR,2006-10-01,0.80000
            EUR,2006-12-01,0.78125
            EUR,2007-02-01,0.77500
            """;

    private final Api api;

    Books(Api api) {
        this.api = api;
    }

    /** A line as the worked journals print it: account, Dr or Cr, USD, and the original amount if any. */
    record Line(String account, String side, String usd, String original) {
        @Override
        public String toString() {
            return account + " " + side + " " + usd + (original.isEmpty() ? "" : " " + original);
        }
    }

    static Line dr(String account, String usd) {
        return new Line(account, "Dr", usd, "");
    }

    static Line cr(String account, String usd) {
        return new Line(account, "Cr", usd, "");
    }

    static Line dr(String account, String usd, String original) {
        return new Line(account, "Dr", usd, original);
    }

    static Line cr(String account, String usd, String original) {
        return new Line(account, "Cr", usd, original);
    }

    void contributor(String code, String name, String type, boolean coSponsor, boolean friend) {
        Api.Response response = api.post("finance", "/api/contributors", Map.of("code", code, "name", name, "type", type,
                "coSponsor", coSponsor, "groupOfFriends", friend));
        assertThat(response.status()).as(response.text()).isIn(201, 409);
    }

    void rates(String csv) {
        Api.Response response = api.send(api.request("finance", "/api/exchange-rates/import").header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                .header("Content-Type", "text/csv").POST(java.net.http.HttpRequest.BodyPublishers.ofString(csv)).build());
        assertThat(response.status()).as(response.text()).isEqualTo(200);
    }

    static Map<String, Object> money(String amount, String currency) {
        return Map.of("amount", amount, "currency", currency);
    }

    static Map<String, Object> tranche(String dueOn, String amount, String currency) {
        return Map.of("dueOn", dueOn, "amount", money(amount, currency));
    }

    /** J-B's agreement with Spain, on the golden EUR rates: EUR 500,000 signed 2006-10-02 at 0.80000, due 2007-03-31. */
    long jB() {
        rates(GOLDEN_EUR_RATES);
        contributor("ES", "Spain", "GOVERNMENT", true, false);
        return agreement("ES", "2006-10-02", List.of(tranche("2007-03-31", "500000.00", "EUR")), Map.of()).get("id").asLong();
    }

    JsonNode agreement(String contributor, String signedOn, List<Map<String, Object>> tranches, Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>(extra);
        body.put("contributor", contributor);
        body.put("reference", contributor + "-" + UUID.randomUUID());
        body.put("signedOn", signedOn);
        body.put("tranches", tranches);
        Api.Response response = api.post("finance", "/api/agreements", body);
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.body();
    }

    JsonNode receipt(Map<String, Object> receipt) {
        Map<String, Object> body = new LinkedHashMap<>(receipt);
        body.putIfAbsent("bankReference", "REF-" + UUID.randomUUID());
        Api.Response response = api.post("finance", "/api/receipts", body);
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.body();
    }

    JsonNode entry(long id) {
        return api.get("auditor", "/api/journal-entries/" + id).body();
    }

    /** The entry's lines, optionally only those of one agreement (other tests share the database). */
    List<Line> lines(long entryId, Long agreement) {
        List<Line> lines = new ArrayList<>();
        for (JsonNode line : entry(entryId).get("lines")) {
            if (agreement != null && (line.get("agreement").isNull() || line.get("agreement").asLong() != agreement)) {
                continue;
            }
            boolean debit = !line.get("debit").isNull();
            JsonNode original = line.get("original");
            lines.add(new Line(line.get("account").asString(), debit ? "Dr" : "Cr",
                    line.get(debit ? "debit" : "credit").asString(),
                    original.isNull() ? "" : original.get("currency").asString() + " " + original.get("amount").asString()));
        }
        return lines;
    }

    /** The agreement's lines on the accounts dated from–to, debit positive. */
    static BigDecimal balance(DSLContext db, long agreement, String from, String to, String... accounts) {
        return db.fetchSingle("SELECT coalesce(sum(l.amount_usd), 0) FROM journal_line l JOIN account a ON a.id = l.account_id "
                + "WHERE l.agreement_id = ? AND a.code = ANY(?) AND l.entry_date BETWEEN ?::date AND ?::date",
                agreement, accounts, from, to).get(0, BigDecimal.class);
    }

    /** A receipt's part counts as received unless its entry was reversed (R21). */
    private static final String STANDING =
            "AND NOT EXISTS (SELECT 1 FROM journal_entry r WHERE r.reverses_id = receipt_application.entry_id)";

    /** R7 from the books: revenue + exchange differences = received + written off + carried, in USD. */
    static void r7Holds(DSLContext db, long agreement) {
        var row = db.fetchSingle("""
                SELECT coalesce(-sum(l.amount_usd) FILTER (WHERE a.code = '4100'), 0) AS revenue,
                       coalesce(-sum(l.amount_usd) FILTER (WHERE a.code IN ('7810', '7820')), 0) AS differences,
                       coalesce(sum(l.amount_usd) FILTER (WHERE a.code IN ('1210', '1220')), 0) AS carried,
                       coalesce(sum(l.amount_usd) FILTER (WHERE a.code = '2300'), 0) AS conditional
                  FROM journal_line l JOIN account a ON a.id = l.account_id WHERE l.agreement_id = ?""", agreement);
        BigDecimal received = db.fetchSingle("SELECT coalesce(sum(usd_value), 0) FROM receipt_application "
                + "WHERE agreement_id = ? AND kind IN ('TRANCHE', 'BANK_CHARGE') " + STANDING, agreement).get(0, BigDecimal.class)
                .add(db.fetchSingle("SELECT coalesce(sum(usd), 0) FROM write_off WHERE agreement_id = ? AND kind = 'WRITE_OFF'",
                        agreement).get(0, BigDecimal.class));
        BigDecimal revenue = row.get("revenue", BigDecimal.class);
        BigDecimal differences = row.get("differences", BigDecimal.class);
        BigDecimal carried = row.get("carried", BigDecimal.class);
        assertThat(revenue.add(differences)).as("R7 in USD for agreement %d: revenue %s + differences %s = received and written off %s + carried %s",
                agreement, revenue, differences, received, carried).isEqualByComparingTo(received.add(carried));
        var original = db.fetchSingle("""
                SELECT (SELECT sum(amount) FROM tranche WHERE agreement_id = ?) AS agreed,
                       (SELECT coalesce(sum(amount), 0) FROM receipt_application WHERE agreement_id = ?
                          AND kind IN ('TRANCHE', 'BANK_CHARGE', 'CONDITIONAL')
                          AND NOT EXISTS (SELECT 1 FROM journal_entry r WHERE r.reverses_id = receipt_application.entry_id))
                       + (SELECT coalesce(sum(amount), 0) FROM write_off WHERE agreement_id = ?
                          AND kind = 'WRITE_OFF') AS received,
                       (SELECT coalesce(sum(coalesce(l.original_amount, l.amount_usd)), 0) FROM journal_line l
                          JOIN account a ON a.id = l.account_id WHERE l.agreement_id = ? AND a.code IN ('1210', '1220')) AS carried,
                       (SELECT coalesce(sum(amount), 0) FROM tranche WHERE agreement_id = ?
                          AND subject_to_appropriation AND recognised_on IS NULL) AS unconfirmed""",
                agreement, agreement, agreement, agreement, agreement);
        boolean conditional = db.fetchExists(db.selectOne().from("agreement").where("id = ? AND condition_description IS NOT NULL", agreement));
        if (!conditional) {
            assertThat(original.get("agreed", BigDecimal.class).subtract(original.get("unconfirmed", BigDecimal.class))
                    .subtract(original.get("received", BigDecimal.class)))
                    .as("R7 in the agreement's currency for agreement %d", agreement)
                    .isEqualByComparingTo(original.get("carried", BigDecimal.class));
        }
    }
}
