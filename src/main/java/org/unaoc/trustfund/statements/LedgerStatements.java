package org.unaoc.trustfund.statements;

import static org.unaoc.trustfund.db.Tables.ACCOUNT;
import static org.unaoc.trustfund.db.Tables.CONTRIBUTOR;
import static org.unaoc.trustfund.db.Tables.JOURNAL_ENTRY;
import static org.unaoc.trustfund.db.Tables.JOURNAL_LINE;

import java.math.BigDecimal;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;
import org.unaoc.trustfund.ledger.Accounts;
import org.unaoc.trustfund.ledger.TrialBalance;

/** Statements of the ledger itself: trial balance, general ledger, exchange differences. */
@Component
class LedgerStatements {

    private final StatementFacts facts;
    private final Accounts accounts;
    private final DSLContext db;

    LedgerStatements(StatementFacts facts, Accounts accounts, DSLContext db) {
        this.facts = facts;
        this.accounts = accounts;
        this.db = db;
    }

    StatementTable trialBalance(TrialBalance balance, StatementRequest request) {
        var rows = new StatementTable.Rows();
        for (TrialBalance.Row row : balance.accounts()) {
            rows.line(row.code(), row.name(), row.openingDebit(), row.openingCredit(), row.debits(), row.credits(),
                    row.closingDebit(), row.closingCredit());
        }
        TrialBalance.Row t = balance.totals();
        rows.total("", "Total", t.openingDebit(), t.openingCredit(), t.debits(), t.credits(), t.closingDebit(), t.closingCredit());
        return facts.table("trial-balance", "Trial balance", request, List.of("Account", "Name", "Opening debit",
                "Opening credit", "Debits", "Credits", "Closing debit", "Closing credit"), rows.list());
    }

    StatementTable generalLedger(StatementRequest request) {
        var rows = new StatementTable.Rows();
        for (var account : facts.accounts()) {
            Accounts.Statement statement = accounts.statement(account.code(), request.from(), request.to());
            if (statement.lines().isEmpty() && statement.opening().signum() == 0) {
                continue;
            }
            rows.heading(account.code() + " " + account.name());
            rows.line(null, null, "Opening balance", null, null, statement.opening());
            for (Accounts.StatementLine line : statement.lines()) {
                rows.line(line.date(), line.entry(), line.description(), line.debit(), line.credit(), line.balance());
            }
            rows.total(null, null, "Closing balance", null, null, statement.closing());
        }
        return facts.table("general-ledger", "General ledger", request,
                List.of("Date", "Entry", "Description", "Debit", "Credit", "Balance"), rows.list());
    }

    StatementTable exchangeDifferences(StatementRequest request) {
        var rows = new StatementTable.Rows();
        BigDecimal[] totals = {StatementFacts.ZERO, StatementFacts.ZERO};
        for (var row : db.select(JOURNAL_LINE.CONTRIBUTOR, CONTRIBUTOR.NAME, JOURNAL_LINE.AGREEMENT_ID,
                        DSL.coalesce(DSL.sum(JOURNAL_LINE.AMOUNT_USD.neg()).filterWhere(ACCOUNT.CODE.eq("7810")), BigDecimal.ZERO),
                        DSL.coalesce(DSL.sum(JOURNAL_LINE.AMOUNT_USD.neg()).filterWhere(ACCOUNT.CODE.eq("7820")), BigDecimal.ZERO))
                .from(JOURNAL_LINE).join(ACCOUNT).on(ACCOUNT.ID.eq(JOURNAL_LINE.ACCOUNT_ID))
                .join(JOURNAL_ENTRY).on(JOURNAL_ENTRY.ID.eq(JOURNAL_LINE.ENTRY_ID))
                .leftJoin(CONTRIBUTOR).on(CONTRIBUTOR.CODE.eq(JOURNAL_LINE.CONTRIBUTOR))
                .where(ACCOUNT.CODE.in("7810", "7820")).and(JOURNAL_LINE.ENTRY_DATE.between(request.from(), request.to()))
                .and(JOURNAL_ENTRY.TYPE.ne("YEAR_END_CLOSE"))
                .groupBy(JOURNAL_LINE.CONTRIBUTOR, CONTRIBUTOR.NAME, JOURNAL_LINE.AGREEMENT_ID)
                .orderBy(CONTRIBUTOR.NAME.nullsLast(), JOURNAL_LINE.AGREEMENT_ID.nullsLast())
                .fetch()) {
            BigDecimal realised = row.value4().setScale(2);
            BigDecimal unrealised = row.value5().setScale(2);
            rows.line(row.value2() == null ? "Cash and other balances" : row.value2(), row.value3(), realised, unrealised,
                    realised.add(unrealised));
            totals[0] = totals[0].add(realised);
            totals[1] = totals[1].add(unrealised);
        }
        rows.total("Total", null, totals[0], totals[1], totals[0].add(totals[1]));
        return facts.table("exchange-differences", "Exchange gains and losses", request,
                List.of("Contributor", "Agreement", "Realised (7810)", "Unrealised (7820)", "Total"), rows.list());
    }
}
