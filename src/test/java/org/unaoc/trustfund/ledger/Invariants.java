package org.unaoc.trustfund.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.jooq.DSLContext;

/** The invariants of ACCOUNTING.md §6 that the ledger core owns, checked in one snapshot. */
final class Invariants {

    private Invariants() {
    }

    /** 1, 2 and 6: entries balance, balances sum to zero, account = lines = periods, one entry per approval and key. */
    static void hold(DSLContext db, String context) {
        db.transaction(configuration -> {
            DSLContext tx = configuration.dsl();
            tx.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
            assertThat(tx.fetch("SELECT entry_id FROM journal_line GROUP BY entry_id HAVING sum(amount_usd) <> 0 OR count(*) < 2"))
                    .as("1: every entry balances (%s)", context).isEmpty();
            BigDecimal sum = tx.fetchSingle("SELECT coalesce(sum(balance_usd), 0) FROM account").get(0, BigDecimal.class);
            assertThat(sum)
                    .as("1: all balances sum to zero (%s)", context).isEqualByComparingTo("0");
            assertThat(tx.fetch("""
                    SELECT a.id FROM account a
                      LEFT JOIN (SELECT account_id, sum(amount_usd) AS total, count(*) AS lines FROM journal_line GROUP BY account_id) l
                             ON l.account_id = a.id
                      LEFT JOIN (SELECT account_id, sum(debit_usd - credit_usd) AS total, sum(line_count) AS lines
                                   FROM account_period_balance GROUP BY account_id) p ON p.account_id = a.id
                     WHERE a.balance_usd <> coalesce(l.total, 0) OR a.balance_usd <> coalesce(p.total, 0)
                        OR a.version <> coalesce(l.lines, 0) OR a.version <> coalesce(p.lines, 0)
                    """)).as("2: account balance = its lines = its period balances (%s)", context).isEmpty();
            assertThat(tx.fetch("SELECT approval_id FROM journal_entry WHERE approval_id IS NOT NULL "
                    + "GROUP BY approval_id HAVING count(*) > 1")).as("6: one entry per approval (%s)", context).isEmpty();
        });
    }
}
