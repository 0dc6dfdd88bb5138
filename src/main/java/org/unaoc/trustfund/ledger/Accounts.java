package org.unaoc.trustfund.ledger;

import static org.unaoc.trustfund.db.Tables.ACCOUNT_PERIOD_BALANCE;
import static org.unaoc.trustfund.db.Tables.JOURNAL_ENTRY;
import static org.unaoc.trustfund.db.Tables.JOURNAL_LINE;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.unaoc.trustfund.currency.Money;
import org.unaoc.trustfund.system.Problem;

/** Accounts with their balances, and the statement of one account. */
@Service
public class Accounts {

    private final DSLContext db;
    private final ChartOfAccounts chart;
    private final TrialBalances trialBalances;

    Accounts(DSLContext db, ChartOfAccounts chart, TrialBalances trialBalances) {
        this.db = db;
        this.chart = chart;
        this.trialBalances = trialBalances;
    }

    /** A balance in the account's normal direction: positive is a debit on assets and expenses, a credit elsewhere. */
    public record Balance(String code, String name, String type, boolean contra, @Nullable String currency,
                          BigDecimal balanceUsd, String side, List<CurrencyBalance> byCurrency) {
    }

    public record CurrencyBalance(String currency, Money original, BigDecimal usd) {
    }

    public record StatementLine(LocalDate date, long entry, int line, String type, String description,
                                @Nullable BigDecimal debit, @Nullable BigDecimal credit, @Nullable Money original,
                                BigDecimal balance) {
    }

    public record Statement(String account, String name, LocalDate from, LocalDate to, BigDecimal opening,
                            List<StatementLine> lines, BigDecimal closing) {
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public List<Balance> balances(LocalDate asOf) {
        int month = Periods.idOf(asOf);
        Map<Integer, Map<String, BigDecimal[]>> byAccount = new TreeMap<>();
        var periods = db.select(ACCOUNT_PERIOD_BALANCE.ACCOUNT_ID, ACCOUNT_PERIOD_BALANCE.CURRENCY,
                        DSL.sum(ACCOUNT_PERIOD_BALANCE.NET_ORIGINAL),
                        DSL.sum(ACCOUNT_PERIOD_BALANCE.DEBIT_USD.minus(ACCOUNT_PERIOD_BALANCE.CREDIT_USD)))
                .from(ACCOUNT_PERIOD_BALANCE).where(ACCOUNT_PERIOD_BALANCE.PERIOD_ID.lt(month))
                .groupBy(ACCOUNT_PERIOD_BALANCE.ACCOUNT_ID, ACCOUNT_PERIOD_BALANCE.CURRENCY).fetch();
        var partial = db.select(JOURNAL_LINE.ACCOUNT_ID, DSL.coalesce(JOURNAL_LINE.CURRENCY, DSL.inline("USD")),
                        DSL.sum(DSL.coalesce(JOURNAL_LINE.ORIGINAL_AMOUNT, JOURNAL_LINE.AMOUNT_USD)),
                        DSL.sum(JOURNAL_LINE.AMOUNT_USD))
                .from(JOURNAL_LINE).where(JOURNAL_LINE.PERIOD_ID.eq(month)).and(JOURNAL_LINE.ENTRY_DATE.le(asOf))
                .groupBy(JOURNAL_LINE.ACCOUNT_ID, DSL.coalesce(JOURNAL_LINE.CURRENCY, DSL.inline("USD"))).fetch();
        for (var rows : List.of(periods, partial)) {
            for (var row : rows) {
                byAccount.computeIfAbsent(row.value1(), k -> new TreeMap<>())
                        .merge(row.value2().trim(), new BigDecimal[] {row.value3(), row.value4()},
                                (a, b) -> new BigDecimal[] {a[0].add(b[0]), a[1].add(b[1])});
            }
        }
        List<Balance> balances = new ArrayList<>();
        for (Account account : chart.all()) {
            balances.add(balance(account, byAccount.getOrDefault(account.id(), Map.of())));
        }
        return balances;
    }

    /** An account's balance at the end of a day, debit positive: in USD, and in the currency its lines carry. */
    public record DayBalance(BigDecimal usd, BigDecimal original) {
        static final DayBalance NONE = new DayBalance(new BigDecimal("0.00"), BigDecimal.ZERO);

        DayBalance plus(BigDecimal moreUsd, BigDecimal moreOriginal) {
            return new DayBalance(usd.add(moreUsd), original.add(moreOriginal));
        }

        DayBalance plus(DayBalance more) {
            return plus(more.usd, more.original);
        }
    }

    /**
     * Per account code: its balance at the end of the day before {@code from}, then at the end of
     * each later day on which it moved. The balance on any day from the day before {@code from} is
     * the floor entry's. Months before {@code from}'s are read from the per-period balances.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Map<String, NavigableMap<LocalDate, DayBalance>> daily(Collection<String> codes, LocalDate from) {
        Map<Integer, String> codeOf = new HashMap<>();
        Map<String, NavigableMap<LocalDate, DayBalance>> daily = new HashMap<>();
        LocalDate opening = from.minusDays(1);
        for (String code : codes) {
            Account account = chart.byCode(code);
            codeOf.put(account.id(), code);
            daily.put(code, new TreeMap<>(Map.of(opening, DayBalance.NONE)));
        }
        var before = db.select(ACCOUNT_PERIOD_BALANCE.ACCOUNT_ID, DSL.sum(ACCOUNT_PERIOD_BALANCE.DEBIT_USD
                                .minus(ACCOUNT_PERIOD_BALANCE.CREDIT_USD)), DSL.sum(ACCOUNT_PERIOD_BALANCE.NET_ORIGINAL))
                .from(ACCOUNT_PERIOD_BALANCE).where(ACCOUNT_PERIOD_BALANCE.ACCOUNT_ID.in(codeOf.keySet()))
                .and(ACCOUNT_PERIOD_BALANCE.PERIOD_ID.lt(Periods.idOf(from)))
                .groupBy(ACCOUNT_PERIOD_BALANCE.ACCOUNT_ID).fetch();
        for (var row : before) {
            daily.get(codeOf.get(row.value1())).merge(opening, DayBalance.NONE.plus(row.value2(), row.value3()), DayBalance::plus);
        }
        var days = db.select(JOURNAL_LINE.ACCOUNT_ID, JOURNAL_LINE.ENTRY_DATE, DSL.sum(JOURNAL_LINE.AMOUNT_USD),
                        DSL.sum(DSL.coalesce(JOURNAL_LINE.ORIGINAL_AMOUNT, JOURNAL_LINE.AMOUNT_USD)))
                .from(JOURNAL_LINE).where(JOURNAL_LINE.ACCOUNT_ID.in(codeOf.keySet()))
                .and(JOURNAL_LINE.ENTRY_DATE.ge(from.withDayOfMonth(1)))
                .groupBy(JOURNAL_LINE.ACCOUNT_ID, JOURNAL_LINE.ENTRY_DATE)
                .orderBy(JOURNAL_LINE.ENTRY_DATE).fetch();
        for (var row : days) {
            NavigableMap<LocalDate, DayBalance> series = daily.get(codeOf.get(row.value1()));
            LocalDate day = row.value2().isBefore(from) ? opening : row.value2();
            series.put(day, series.lastEntry().getValue().plus(row.value3(), row.value4()));
        }
        return daily;
    }

    private static Balance balance(Account account, Map<String, BigDecimal[]> byCurrency) {
        int sign = account.normalSign();
        BigDecimal usd = new BigDecimal("0.00");
        List<CurrencyBalance> currencies = new ArrayList<>();
        for (var each : byCurrency.entrySet()) {
            BigDecimal original = each.getValue()[0].multiply(BigDecimal.valueOf(sign));
            BigDecimal inUsd = each.getValue()[1].multiply(BigDecimal.valueOf(sign));
            usd = usd.add(inUsd);
            currencies.add(new CurrencyBalance(each.getKey(), new Money(
                    original.setScale(Money.decimals(each.getKey()), java.math.RoundingMode.UNNECESSARY), each.getKey()), inUsd));
        }
        return new Balance(account.code(), account.name(), account.type().name(), account.contra(), account.currency(),
                usd, sign > 0 ? "DEBIT" : "CREDIT", currencies);
    }

    /** Opening balance, every line from–to with the running balance, closing balance (normal direction). */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Statement statement(String code, LocalDate from, LocalDate to) {
        Account account = chart.existing(code);
        if (to.isBefore(from)) {
            throw Problem.invalidField("to", to + " is before from " + from);
        }
        BigDecimal sign = BigDecimal.valueOf(account.normalSign());
        BigDecimal opening = trialBalances.cumulative(from.minusDays(1))
                .getOrDefault(account.id(), TrialBalances.Movement.NONE).net().multiply(sign);
        List<StatementLine> lines = new ArrayList<>();
        BigDecimal running = opening;
        for (var row : db.select(JOURNAL_LINE.ENTRY_DATE, JOURNAL_LINE.ENTRY_ID, JOURNAL_LINE.LINE_NO, JOURNAL_ENTRY.TYPE,
                        JOURNAL_ENTRY.DESCRIPTION, JOURNAL_LINE.AMOUNT_USD, JOURNAL_LINE.CURRENCY, JOURNAL_LINE.ORIGINAL_AMOUNT)
                .from(JOURNAL_LINE).join(JOURNAL_ENTRY).on(JOURNAL_ENTRY.ID.eq(JOURNAL_LINE.ENTRY_ID))
                .where(JOURNAL_LINE.ACCOUNT_ID.eq(account.id()))
                .and(JOURNAL_LINE.ENTRY_DATE.between(from, to))
                .orderBy(JOURNAL_LINE.ENTRY_DATE, JOURNAL_LINE.ENTRY_ID, JOURNAL_LINE.LINE_NO)
                .fetch()) {
            BigDecimal usd = row.value6();
            running = running.add(usd.multiply(sign));
            String currency = row.value7() == null ? null : row.value7().trim();
            Money original = currency == null ? null : new Money(row.value8().abs()
                    .setScale(Money.decimals(currency), java.math.RoundingMode.UNNECESSARY), currency);
            lines.add(new StatementLine(row.value1(), row.value2(), row.value3(), row.value4(), row.value5(),
                    usd.signum() > 0 ? usd : null, usd.signum() < 0 ? usd.negate() : null, original, running));
        }
        return new Statement(account.code(), account.name(), from, to, opening, lines, running);
    }
}
