package org.unaoc.trustfund.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.unaoc.trustfund.support.Api;
import org.unaoc.trustfund.support.Closing;
import org.unaoc.trustfund.support.FreshBooksTest;
import org.unaoc.trustfund.support.Months;
import tools.jackson.databind.JsonNode;

/** The trial balance, read from per-period balances, equals one computed from the raw lines, for any from–to. */
class TrialBalanceTest extends FreshBooksTest {

    @Autowired
    Journal journal;

    @Test
    void any_from_to_equals_the_sums_of_the_raw_lines() {
        long seed = Long.getLong("seed", System.nanoTime());
        System.out.println("TrialBalanceTest seed=" + seed);
        Random random = new Random(seed);
        List<YearMonth> months = List.of(Months.fresh(), Months.fresh(), Months.fresh(), Months.fresh());
        for (int i = 0; i < 60; i++) {
            journal.post(ConcurrentPostingTest.randomEntry(random, months, "finance"));
        }
        for (int i = 0; i < 25; i++) {
            LocalDate[] range = i == 0 ? new LocalDate[] {months.get(1).atDay(1), months.get(2).atEndOfMonth()}
                    : ConcurrentPostingTest.randomRange(random, months);
            Api.Response response = api().get("auditor", "/api/statements/trial-balance?from=" + range[0] + "&to=" + range[1]);
            assertThat(response.status()).isEqualTo(200);
            Map<String, BigDecimal[]> raw = fromRawLines(range[0], range[1]);
            for (JsonNode row : response.body().get("accounts")) {
                BigDecimal[] expected = raw.getOrDefault(row.get("code").asString(), zeros());
                String context = "seed " + seed + " " + range[0] + ".." + range[1] + " account " + row.get("code").asString();
                assertThat(net(row, "openingDebit", "openingCredit")).as(context).isEqualByComparingTo(expected[0]);
                assertThat(new BigDecimal(row.get("debits").asString())).as(context).isEqualByComparingTo(expected[1]);
                assertThat(new BigDecimal(row.get("credits").asString())).as(context).isEqualByComparingTo(expected[2]);
                assertThat(net(row, "closingDebit", "closingCredit")).as(context)
                        .isEqualByComparingTo(expected[0].add(expected[1]).subtract(expected[2]));
            }
            JsonNode totals = response.body().get("totals");
            assertThat(totals.get("closingDebit").asString()).isEqualTo(totals.get("closingCredit").asString());
        }
    }

    @Test
    void a_month_in_an_open_period_is_provisional() {
        YearMonth month = Months.fresh();
        JsonNode open = api().get("auditor", "/api/statements/trial-balance?from=" + month.atDay(1) + "&to=" + month.atEndOfMonth()).body();
        assertThat(open.get("provisional").asBoolean()).isTrue();
        Closing.monthsBefore(api(), db, month);
        api().post("finance", "/api/periods/" + month + "/close", Map.of());
        JsonNode closed = api().get("auditor", "/api/statements/trial-balance?from=" + month.atDay(1) + "&to=" + month.atEndOfMonth()).body();
        assertThat(closed.get("provisional").asBoolean()).isFalse();
    }

    /** Per account code: opening net (debit positive), debits and credits in the range. */
    private Map<String, BigDecimal[]> fromRawLines(LocalDate from, LocalDate to) {
        Map<String, BigDecimal[]> sums = new HashMap<>();
        for (var row : db.fetch("""
                SELECT a.code,
                       coalesce(sum(l.amount_usd) FILTER (WHERE l.entry_date < ?), 0),
                       coalesce(sum(l.amount_usd) FILTER (WHERE l.entry_date BETWEEN ? AND ? AND l.amount_usd > 0), 0),
                       coalesce(-sum(l.amount_usd) FILTER (WHERE l.entry_date BETWEEN ? AND ? AND l.amount_usd < 0), 0)
                  FROM journal_line l JOIN account a ON a.id = l.account_id
                 WHERE l.entry_date <= ?
                 GROUP BY a.code""", from, from, to, from, to, to)) {
            sums.put(row.get(0, String.class), new BigDecimal[] {row.get(1, BigDecimal.class), row.get(2, BigDecimal.class),
                    row.get(3, BigDecimal.class)});
        }
        return sums;
    }

    private static BigDecimal[] zeros() {
        return new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
    }

    private static BigDecimal net(JsonNode row, String debit, String credit) {
        return new BigDecimal(row.get(debit).asString()).subtract(new BigDecimal(row.get(credit).asString()));
    }
}
