package org.unaoc.trustfund.statements;

import static org.unaoc.trustfund.db.Tables.ACCOUNT;
import static org.unaoc.trustfund.db.Tables.CONTRIBUTOR;
import static org.unaoc.trustfund.db.Tables.JOURNAL_ENTRY;
import static org.unaoc.trustfund.db.Tables.JOURNAL_LINE;
import static org.unaoc.trustfund.statements.StatementFacts.ZERO;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;
import org.unaoc.trustfund.ledger.Account;
import org.unaoc.trustfund.ledger.AccountType;
import org.unaoc.trustfund.ledger.EntryType;
import org.unaoc.trustfund.ledger.Periods;
import org.unaoc.trustfund.spending.ObjectClass;

/**
 * The funding status on a cash basis (ACCOUNTING.md R23, the MPTF Gateway layout): the cash each
 * journal entry moved in the bank accounts, put to what the entry is about. An entry that touches a
 * contribution account (receivables and their allowance, refunds, unapplied and conditional cash,
 * contribution revenue and its impairment) moved contributions; one that pays PSC, a payable, an
 * expense, bank charges or brings interest is a use or a source of that kind; a revaluation or a
 * transfer between bank accounts is the effect of exchange rates. The balance of funds is the cash.
 *
 * <p>The reconciliation to revenue is exact, not a plug: the cash of contribution entries is minus
 * their lines on contribution accounts and on the other accounts they touch (realised exchange, bank
 * charges). The contribution-account lines of all entries are the revenue and the changes in those
 * balances; the only others that touch them are revaluations (unrealised exchange on contributions).
 */
@Component
class FundingStatus {

    /** The accounts a contribution moves through on its way to cash, or back (R3–R8, R13–R15). */
    static final Set<String> CONTRIBUTION_ACCOUNTS = Set.of("1210", "1220", "1290", "2110", "2190", "2300", "4100", "4190",
            "6500");

    private static final String CONTRIBUTIONS = "CONTRIBUTIONS";
    private static final String EXCHANGE = "EXCHANGE";
    private static final String INTEREST = "INTEREST";
    private static final String PSC = "PSC";
    private static final String PAYABLES = "PAYABLES";
    private static final String EXPENSE = "EXPENSE";
    private static final String BANK_CHARGES = "BANK_CHARGES";
    private static final String OTHER = "OTHER";
    private static final String UNIDENTIFIED = "(not identified)";

    /** What moved from–to: per class of entry, contributor and account, the USD of the lines (debit positive). */
    private record Moved(Map<String, BigDecimal> cash, Map<String, BigDecimal> contributionCashBy,
                         Map<String, BigDecimal> byAccount, Map<String, BigDecimal> contributionsOther,
                         BigDecimal contributionsRevalued) {

        BigDecimal cash(String kind) {
            return cash.getOrDefault(kind, ZERO);
        }

        BigDecimal account(String code) {
            return byAccount.getOrDefault(code, ZERO);
        }
    }

    private final StatementFacts facts;
    private final DSLContext db;

    FundingStatus(StatementFacts facts, DSLContext db) {
        this.facts = facts;
        this.db = db;
    }

    StatementTable table(StatementRequest request, boolean byContributor) {
        LocalDate start = LocalDate.of(2000, 1, 1);
        Moved prior = request.from().isAfter(start) ? moved(start, request.from().minusDays(1)) : moved(start, start.minusDays(1));
        Moved period = moved(request.from(), request.to());
        var rows = new Rows3(prior, period);
        var table = new StatementTable.Rows().heading("Sources of funds");
        if (byContributor) {
            Map<String, String> names = contributorNames();
            var contributors = new java.util.TreeSet<String>(prior.contributionCashBy.keySet());
            contributors.addAll(period.contributionCashBy.keySet());
            for (String contributor : contributors) {
                rows.line(table, names.getOrDefault(contributor, contributor), m -> m.contributionCashBy.getOrDefault(contributor, ZERO));
            }
            rows.total(table, "Contributions from donors, net of refunds paid", m -> m.cash(CONTRIBUTIONS));
        } else {
            rows.line(table, "Contributions from donors, net of refunds paid", m -> m.cash(CONTRIBUTIONS));
        }
        rows.line(table, "Interest received", m -> m.cash(INTEREST));
        rows.total(table, "Total sources of funds", m -> m.cash(CONTRIBUTIONS).add(m.cash(INTEREST)));
        table.heading("Uses of funds");
        for (Account account : facts.accounts()) {
            if (account.type() == AccountType.EXPENSE && isObjectClass(account.code())) {
                rows.line(table, account.name(), m -> m.cash(EXPENSE + account.code()).negate());
            }
        }
        rows.line(table, "Accounts payable paid (certified invoices)", m -> m.cash(PAYABLES).negate());
        rows.line(table, "Programme support cost remitted", m -> m.cash(PSC).negate());
        rows.line(table, "Bank charges", m -> m.cash(BANK_CHARGES).negate());
        rows.line(table, "Other payments, net of other receipts", m -> m.cash(OTHER).negate());
        rows.total(table, "Total uses of funds", FundingStatus::uses);
        rows.line(table, "Effect of exchange rate changes on cash", m -> m.cash(EXCHANGE));
        rows.total(table, "Balance of funds (cash)", m -> m.cash(CONTRIBUTIONS).add(m.cash(INTEREST)).subtract(uses(m))
                .add(m.cash(EXCHANGE)));
        table.heading("Reconciliation of contributions received to revenue (statement of financial performance)");
        rows.line(table, "Voluntary contributions (revenue)", m -> m.account("4100").negate());
        rows.line(table, "Refunds to contributors", m -> m.account("4190").negate());
        rows.line(table, "Impairment of contributions receivable", m -> m.account("6500").negate());
        rows.line(table, "Decrease (increase) in contributions receivable", m -> m.account("1210").add(m.account("1220")).negate());
        rows.line(table, "Decrease (increase) in the allowance for doubtful contributions", m -> m.account("1290").negate());
        rows.line(table, "Increase (decrease) in refunds payable", m -> m.account("2110").negate());
        rows.line(table, "Increase (decrease) in unapplied receipts", m -> m.account("2190").negate());
        rows.line(table, "Increase (decrease) in conditional contributions received in advance", m -> m.account("2300").negate());
        rows.line(table, "Unrealised exchange differences on contribution balances", Moved::contributionsRevalued);
        var others = new java.util.TreeSet<String>(prior.contributionsOther.keySet());
        others.addAll(period.contributionsOther.keySet());
        Map<String, String> accountNames = new HashMap<>();
        facts.accounts().forEach(a -> accountNames.put(a.code(), a.name()));
        for (String code : others) {
            rows.line(table, accountNames.getOrDefault(code, code) + " on contributions received or refunded",
                    m -> m.contributionsOther.getOrDefault(code, ZERO).negate());
        }
        rows.total(table, "Contributions from donors, net of refunds paid", FundingStatus::reconciled);
        return facts.table("funding-status", "Funding status: sources and uses of funds (cash basis)", request,
                List.of("Item", "Prior periods", "This period", "Cumulative"), table.list());
    }

    /** The balance of funds at the end of the date: the cash in every bank account, in USD. */
    BigDecimal balanceOfFunds(LocalDate asOf) {
        // the cash from the per-period balances: no need to classify every entry since 2000 for a total
        return facts.cash(facts.balancesAt(asOf));
    }

    private static BigDecimal uses(Moved m) {
        BigDecimal paid = m.cash(PAYABLES).add(m.cash(PSC)).add(m.cash(BANK_CHARGES)).add(m.cash(OTHER));
        for (var e : m.cash.entrySet()) {
            if (e.getKey().startsWith(EXPENSE)) {
                paid = paid.add(e.getValue());
            }
        }
        return paid.negate();
    }

    /** Three columns: prior periods, this period, cumulative. */
    private record Rows3(Moved prior, Moved period) {
        void line(StatementTable.Rows rows, String label, java.util.function.Function<Moved, BigDecimal> figure) {
            BigDecimal before = figure.apply(prior);
            BigDecimal now = figure.apply(period);
            rows.line(label, before, now, before.add(now));
        }

        void total(StatementTable.Rows rows, String label, java.util.function.Function<Moved, BigDecimal> figure) {
            BigDecimal before = figure.apply(prior);
            BigDecimal now = figure.apply(period);
            rows.total(label, before, now, before.add(now));
        }
    }

    /** The expense accounts of the object classes (ACCOUNTING.md §2): what spending is paid on. */
    private static final List<String> OBJECT_CLASS_ACCOUNTS = java.util.Arrays.stream(ObjectClass.values())
            .map(ObjectClass::account).toList();

    private static boolean isObjectClass(String code) {
        return OBJECT_CLASS_ACCOUNTS.contains(code);
    }

    private Moved moved(LocalDate from, LocalDate to) {
        Map<String, BigDecimal> cash = new TreeMap<>();
        Map<String, BigDecimal> contributionCashBy = new TreeMap<>();
        Map<String, BigDecimal> byAccount = new HashMap<>();
        Map<String, BigDecimal> contributionsOther = new TreeMap<>();
        BigDecimal[] revalued = {ZERO};
        if (to.isBefore(from)) {
            return new Moved(cash, contributionCashBy, byAccount, contributionsOther, ZERO);
        }
        List<String> bank = facts.accounts().stream().filter(Account::bank).map(Account::code).toList();
        Condition window = JOURNAL_LINE.ENTRY_DATE.between(from, to).and(JOURNAL_LINE.PERIOD_ID.notIn(
                IntStream.rangeClosed(from.getYear(), to.getYear()).mapToObj(Periods::closingPeriodOf).toList()));
        var reversed = JOURNAL_ENTRY.as("reversed");
        Field<String> origin = DSL.coalesce(reversed.TYPE, JOURNAL_ENTRY.TYPE);
        Field<String> kind = DSL.when(origin.in(EntryType.REVALUATION.name(), EntryType.REVALUATION_ADJUSTMENT.name()),
                        DSL.inline(EXCHANGE))
                // a receipt brought to a corrected rate: cash received, as date order would have recorded it (R16)
                .when(origin.eq(EntryType.RATE_CORRECTION.name()).and(DSL.boolOr(ACCOUNT.CODE.in(bank))), DSL.inline(CONTRIBUTIONS))
                .when(DSL.boolOr(ACCOUNT.CODE.in(CONTRIBUTION_ACCOUNTS)), DSL.inline(CONTRIBUTIONS))
                .when(DSL.boolOr(ACCOUNT.CODE.eq("4500")), DSL.inline(INTEREST))
                // an expenditure paid at once also credits its PSC to 2150: it is the expense, not a remittance
                .when(DSL.boolOr(ACCOUNT.CODE.in(OBJECT_CLASS_ACCOUNTS)), DSL.concat(DSL.inline(EXPENSE),
                        DSL.min(ACCOUNT.CODE).filterWhere(ACCOUNT.CODE.in(OBJECT_CLASS_ACCOUNTS))))
                // an invoice paid: the object class its payable carries, when it carries one
                .when(DSL.boolOr(ACCOUNT.CODE.eq("2120")), DSL.concat(DSL.inline(PAYABLES), DSL.coalesce(
                        DSL.max(JOURNAL_LINE.OBJECT_CLASS).filterWhere(ACCOUNT.CODE.eq("2120")), DSL.inline(""))))
                .when(DSL.boolOr(ACCOUNT.CODE.eq("2150")), DSL.inline(PSC))
                .when(DSL.boolOr(ACCOUNT.CODE.eq("6200")), DSL.inline(BANK_CHARGES))
                .when(DSL.boolAnd(ACCOUNT.CODE.in(bank).or(ACCOUNT.CODE.in("7810", "7820"))), DSL.inline(EXCHANGE))
                .otherwise(DSL.inline(OTHER));
        var entries = DSL.select(JOURNAL_LINE.ENTRY_ID, kind.as("kind"), DSL.max(JOURNAL_LINE.CONTRIBUTOR).as("contributor"))
                .from(JOURNAL_LINE).join(ACCOUNT).on(ACCOUNT.ID.eq(JOURNAL_LINE.ACCOUNT_ID))
                .join(JOURNAL_ENTRY).on(JOURNAL_ENTRY.ID.eq(JOURNAL_LINE.ENTRY_ID))
                .leftJoin(reversed).on(reversed.ID.eq(JOURNAL_ENTRY.REVERSES_ID))
                // a year's close moves revenue and expenses into net assets: not a flow of the year
                .where(window).and(JOURNAL_ENTRY.TYPE.ne(EntryType.YEAR_END_CLOSE.name()))
                .groupBy(JOURNAL_LINE.ENTRY_ID, origin).asTable("entries");
        Field<Long> entryId = entries.field(JOURNAL_LINE.ENTRY_ID);
        Field<String> entryKind = entries.field("kind", String.class);
        Field<String> contributor = entries.field("contributor", String.class);
        db.select(entryKind, contributor, ACCOUNT.CODE, DSL.sum(JOURNAL_LINE.AMOUNT_USD))
                .from(JOURNAL_LINE).join(ACCOUNT).on(ACCOUNT.ID.eq(JOURNAL_LINE.ACCOUNT_ID))
                .join(entries).on(entryId.eq(JOURNAL_LINE.ENTRY_ID))
                .where(window).groupBy(entryKind, contributor, ACCOUNT.CODE)
                .forEach(r -> {
                    String entryClass = useOf(r.value1());
                    String code = r.value3();
                    BigDecimal amount = r.value4();
                    if (bank.contains(code)) {
                        cash.merge(entryClass, amount, BigDecimal::add);
                        if (entryClass.equals(CONTRIBUTIONS)) {
                            contributionCashBy.merge(r.value2() == null ? UNIDENTIFIED : r.value2(), amount, BigDecimal::add);
                        }
                    } else if (CONTRIBUTION_ACCOUNTS.contains(code)) {
                        byAccount.merge(code, amount, BigDecimal::add);
                        if (entryClass.equals(EXCHANGE)) {
                            revalued[0] = revalued[0].add(amount);
                        }
                    } else if (entryClass.equals(CONTRIBUTIONS)) {
                        contributionsOther.merge(code, amount, BigDecimal::add);
                    }
                });
        return new Moved(cash, contributionCashBy, byAccount, contributionsOther, revalued[0]);
    }

    /** An invoice payment whose payable names its object class is spending of that class; one that does not, a payable paid. */
    private static String useOf(String kind) {
        if (!kind.startsWith(PAYABLES)) {
            return kind;
        }
        String objectClass = kind.substring(PAYABLES.length());
        return java.util.Arrays.stream(ObjectClass.values()).filter(c -> c.name().equals(objectClass)).findFirst()
                .map(c -> EXPENSE + c.account()).orElse(PAYABLES);
    }

    /** The reconciliation's own sum: revenue and the changes in the contribution balances, the exchange and the charges. */
    private static BigDecimal reconciled(Moved m) {
        BigDecimal total = m.contributionsRevalued();
        for (BigDecimal amount : m.byAccount().values()) {
            total = total.subtract(amount);
        }
        for (BigDecimal amount : m.contributionsOther().values()) {
            total = total.subtract(amount);
        }
        return total;
    }

    private Map<String, String> contributorNames() {
        Map<String, String> names = new HashMap<>();
        db.select(CONTRIBUTOR.CODE, CONTRIBUTOR.NAME).from(CONTRIBUTOR).forEach(r -> names.put(r.value1(), r.value2()));
        return names;
    }
}
