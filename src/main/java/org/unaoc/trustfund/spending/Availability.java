package org.unaoc.trustfund.spending;

import static org.unaoc.trustfund.db.Tables.AGREEMENT;
import static org.unaoc.trustfund.db.Tables.BUDGET_COMPONENT;
import static org.unaoc.trustfund.db.Tables.EXPENDITURE;
import static org.unaoc.trustfund.db.Tables.JOURNAL_ENTRY;
import static org.unaoc.trustfund.db.Tables.OBLIGATION;
import static org.unaoc.trustfund.db.Tables.RECEIPT_APPLICATION;
import static org.unaoc.trustfund.db.Tables.REFUND;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Row1;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.unaoc.trustfund.contributions.Received;
import org.unaoc.trustfund.ledger.Account;
import org.unaoc.trustfund.ledger.Accounts;
import org.unaoc.trustfund.ledger.BankBalances;
import org.unaoc.trustfund.ledger.ChartOfAccounts;
import org.unaoc.trustfund.ledger.FundParameters;
import org.unaoc.trustfund.ledger.Standing;
import org.unaoc.trustfund.system.AdvisoryLocks;
import org.unaoc.trustfund.system.Problem;

/**
 * Funds available for a new commitment (R9), on a date (R20): cash, less unliquidated obligations
 * with their PSC, less liabilities to be paid in cash, less the operating cash reserve (R10), each
 * as the books stand at the end of that day. Receivables and pledges never count. Earmarked cash
 * (conditional cash included) is available only to its component; the general pool to all. A
 * commitment dated D must fit at D and at every later month end already on the books.
 */
@Service
public class Availability implements org.unaoc.trustfund.ledger.OperatingReserve, org.unaoc.trustfund.ledger.FundsAvailable {

    /** Liabilities paid in cash (R9, R18): refunds, PSC, unapplied receipts and, where the chart has it, payables. */
    static final List<String> CASH_LIABILITIES = List.of("2110", "2120", "2150", "2190");

    /** The cash liabilities and the conditional cash (2300): what a projection keeps out of the cash it spends. */
    public static final List<String> CASH_LIABILITIES_WITH_CONDITIONAL_CASH = java.util.stream.Stream.concat(
            CASH_LIABILITIES.stream(), java.util.stream.Stream.of("2300")).toList();
    private static final BigDecimal ZERO = new BigDecimal("0.00");

    private final DSLContext db;
    private final FundParameters fund;
    private final BudgetComponents components;
    private final ChartOfAccounts chart;
    private final Accounts accounts;
    private final BankBalances bank;

    Availability(DSLContext db, FundParameters fund, BudgetComponents components, ChartOfAccounts chart, Accounts accounts,
                 BankBalances bank) {
        this.bank = bank;
        this.db = db;
        this.fund = fund;
        this.components = components;
        this.chart = chart;
        this.accounts = accounts;
    }

    public record Figures(LocalDate asOf, @Nullable String component, BigDecimal cash, BigDecimal unliquidatedObligations,
                          BigDecimal cashLiabilities, BigDecimal operatingReserve, BigDecimal availableInTotal,
                          Map<String, BigDecimal> earmarked, BigDecimal generalPool, BigDecimal available) {
    }

    /** Serialises commitments and payments: two that each fit but not together cannot both pass. */
    void lock() {
        AdvisoryLocks.hold(db, AdvisoryLocks.AVAILABILITY, 0);
    }

    public Figures of(@Nullable String component, LocalDate asOf) {
        if (component != null) {
            components.requireExists(component, "component");
        }
        return read(new TreeSet<>(Set.of(asOf))).get(asOf).figures(component);
    }

    /** The funds available for each component on a date, from one reading of the books. */
    public Map<String, BigDecimal> byComponent(LocalDate asOf) {
        Day day = read(new TreeSet<>(Set.of(asOf))).get(asOf);
        Figures fund = day.figures(null);
        Map<String, BigDecimal> byComponent = new LinkedHashMap<>();
        for (BudgetComponents.Component component : components.list()) {
            byComponent.put(component.code(), forComponent(component.code(), fund.earmarked(), fund.generalPool(),
                    fund.availableInTotal()));
        }
        return byComponent;
    }

    /**
     * Refuses a commitment of {@code cost} (PSC included) dated {@code on} that the component's funds
     * cannot carry on that day or at any later month end already on the books (R20).
     */
    void require(@Nullable String component, BigDecimal cost, LocalDate on) {
        require(component, day -> cost, on);
    }

    /**
     * The same for a commitment whose cost differs from day to day: a liquidation in date order
     * changes what later liquidations of the obligation take (R21).
     */
    void require(@Nullable String component, Function<LocalDate, BigDecimal> costOn, LocalDate on) {
        NavigableSet<LocalDate> checkpoints = checkpoints(on);
        if (checkpoints.stream().allMatch(day -> costOn.apply(day).signum() <= 0)) {
            return;
        }
        Map<LocalDate, Day> books = read(checkpoints);
        Figures onTheDay = books.get(on).figures(component);
        BigDecimal cost = costOn.apply(on);
        LocalDate firstShort = null;
        Figures then = null;
        for (LocalDate day : checkpoints) {
            Figures figures = books.get(day).figures(component);
            if (costOn.apply(day).compareTo(figures.available()) > 0 && (firstShort == null || firstShort.equals(on))) {
                firstShort = day;
                then = figures;
                if (day.equals(YearMonth.from(day).atEndOfMonth())) {
                    break;
                }
            }
        }
        if (firstShort == null) {
            return;
        }
        BigDecimal costThen = costOn.apply(firstShort);
        String later = firstShort.equals(on) ? "" : "; on " + firstShort + ", the first month end it would leave short, "
                + then.available().toPlainString() + " USD is available"
                + (costThen.compareTo(cost) == 0 ? "" : " where it needs " + costThen.toPlainString() + " USD");
        throw new Problem(HttpStatus.CONFLICT, "insufficient-funds", "Insufficient funds",
                "The commitment dated " + on + " needs " + cost.toPlainString() + " USD with its programme support cost, but "
                        + onTheDay.available().toPlainString() + " USD is available for "
                        + (component == null ? "the general pool" : component) + " on " + on + later
                        + " (cash less unliquidated obligations, cash liabilities and the operating reserve; "
                        + "cash earmarked for other components excluded). Date it when the funds are there, or reduce it.")
                .with("available", Map.of("amount", onTheDay.available().toPlainString(), "currency", "USD"))
                .with("availableOn", on.toString())
                .with("required", Map.of("amount", cost.toPlainString(), "currency", "USD"))
                .with("shortOn", firstShort.toString())
                .with("availableThen", Map.of("amount", then.available().toPlainString(), "currency", "USD"))
                .with("requiredThen", Map.of("amount", costThen.toPlainString(), "currency", "USD"))
                .with("component", component);
    }

    /**
     * A manual entry takes what it credits to the bank accounts and to the cash liabilities (2110,
     * 2120, 2150, 2190, 2300) net of what it debits them: that much must be available, from the
     * component its lines name when they name one, else from the general pool.
     */
    @Override
    public void requireFor(org.unaoc.trustfund.ledger.NewEntry entry) {
        Set<String> bankAccounts = chart.bankAccounts().stream().map(Account::code).collect(Collectors.toSet());
        BigDecimal effect = entry.lines().stream()
                .filter(line -> bankAccounts.contains(line.account()) || CASH_LIABILITIES_WITH_CONDITIONAL_CASH.contains(line.account()))
                .map(org.unaoc.trustfund.ledger.NewLine::usd).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (effect.signum() >= 0) {
            return;
        }
        List<String> named = entry.lines().stream().map(line -> line.dimensions().component()).filter(java.util.Objects::nonNull)
                .distinct().toList();
        lock();
        require(named.size() == 1 ? named.getFirst() : null, effect.negate(), entry.date());
    }

    /** R19/R20: {@link BankBalances#requireHeld}. */
    void requireInBank(String account, BigDecimal amount, LocalDate on, String what) {
        bank.requireHeld(account, amount, on, what);
    }

    /** R10 for the year, at the rates of its last day: the year-end close brings 3200 to it. */
    @Override
    public BigDecimal of(int year) {
        return reserve(LocalDate.of(year, 12, 31), components.plannedFor(year));
    }

    /** The reserve rate of the day times what is planned, PSC included (R10). */
    private BigDecimal reserve(LocalDate on, BigDecimal planned) {
        FundParameters.Rates rates = fund.on(on);
        return rates.operatingReserveRate().multiply(planned.add(psc(planned, rates.pscRate()))).setScale(2, RoundingMode.HALF_UP);
    }

    static BigDecimal psc(BigDecimal amount, BigDecimal rate) {
        return amount.multiply(rate).setScale(2, RoundingMode.HALF_UP);
    }

    /** The day itself and every month end from its month's to the last month on the books. */
    NavigableSet<LocalDate> checkpoints(LocalDate on) {
        LocalDate last = db.select(DSL.greatest(DSL.max(JOURNAL_ENTRY.ENTRY_DATE),
                        DSL.select(DSL.max(OBLIGATION.OBLIGATED_ON)).from(OBLIGATION).asField()))
                .from(JOURNAL_ENTRY).fetchSingle().value1();
        NavigableSet<LocalDate> days = new TreeSet<>(Set.of(on));
        YearMonth until = YearMonth.from(last == null || last.isBefore(on) ? on : last);
        for (YearMonth month = YearMonth.from(on); !month.isAfter(until); month = month.plusMonths(1)) {
            days.add(month.atEndOfMonth());
        }
        return days;
    }

    /** The books at the end of each day asked for: a few queries, whatever the number of days. */
    private Map<LocalDate, Day> read(NavigableSet<LocalDate> days) {
        Set<String> codes = chart.all().stream().map(Account::code).collect(Collectors.toSet());
        List<String> bank = chart.bankAccounts().stream().map(Account::code).toList();
        List<String> liabilities = CASH_LIABILITIES.stream().filter(codes::contains).toList();
        List<String> both = new ArrayList<>(bank);
        both.addAll(liabilities);
        Map<String, NavigableMap<LocalDate, Accounts.DayBalance>> balances = accounts.daily(both, days.first());

        @SuppressWarnings("unchecked")
        Row1<LocalDate>[] rows = days.stream().map(d -> DSL.row(DSL.val(d))).toArray(Row1[]::new);
        Table<?> checkpoint = DSL.values(rows).as("checkpoint", "day");
        Field<LocalDate> day = checkpoint.field("day", LocalDate.class);

        Map<LocalDate, Map<String, BigDecimal>> unliquidated = new HashMap<>();
        for (var row : db.select(day, OBLIGATION.COMPONENT, Open.by(day), OBLIGATION.PSC_RATE)
                .from(checkpoint).join(OBLIGATION).on(OBLIGATION.OBLIGATED_ON.le(day)).fetch()) {
            BigDecimal remaining = row.value3();
            if (remaining.signum() > 0) {
                unliquidated.computeIfAbsent(row.value1(), k -> new LinkedHashMap<>())
                        .merge(row.value2(), remaining.add(psc(remaining, row.value4())), BigDecimal::add);
            }
        }
        Map<LocalDate, Map<String, BigDecimal>> received = perDay(db.select(day, AGREEMENT.EARMARK,
                        DSL.sum(RECEIPT_APPLICATION.USD_VALUE))
                .from(checkpoint).join(RECEIPT_APPLICATION).on(Received.onTranchesBy(day))
                .join(AGREEMENT).on(AGREEMENT.ID.eq(RECEIPT_APPLICATION.AGREEMENT_ID)).where(AGREEMENT.EARMARK.isNotNull())
                .groupBy(day, AGREEMENT.EARMARK).fetch());
        Map<LocalDate, Map<String, BigDecimal>> refunded = perDay(db.select(day, AGREEMENT.EARMARK, DSL.sum(REFUND.AMOUNT))
                .from(checkpoint).join(REFUND).on(REFUND.DECIDED_ON.le(day)).and(Standing.entryBy(REFUND.ENTRY_ID, day))
                .join(AGREEMENT).on(AGREEMENT.ID.eq(REFUND.AGREEMENT_ID)).where(AGREEMENT.EARMARK.isNotNull())
                .groupBy(day, AGREEMENT.EARMARK).fetch());
        Map<LocalDate, Map<String, BigDecimal>> spent = perDay(db.select(day, EXPENDITURE.COMPONENT,
                        DSL.sum(EXPENDITURE.AMOUNT.plus(EXPENDITURE.PSC)))
                .from(checkpoint).join(EXPENDITURE).on(Spent.by(day))
                .groupBy(day, EXPENDITURE.COMPONENT).fetch());
        List<String> componentCodes = db.select(BUDGET_COMPONENT.CODE).from(BUDGET_COMPONENT).fetch(BUDGET_COMPONENT.CODE);

        Map<Integer, BigDecimal> plannedByYear = new HashMap<>();
        Map<LocalDate, Day> books = new HashMap<>();
        for (LocalDate asOf : days) {
            BigDecimal cash = sum(balances, bank, asOf);
            BigDecimal owed = sum(balances, liabilities, asOf).negate();
            Map<String, BigDecimal> open = unliquidated.getOrDefault(asOf, Map.of());
            Map<String, BigDecimal> earmarked = new LinkedHashMap<>();
            for (String component : componentCodes) {
                BigDecimal in = received.getOrDefault(asOf, Map.of()).getOrDefault(component, ZERO);
                if (in.signum() == 0) {
                    continue;
                }
                BigDecimal left = in.subtract(refunded.getOrDefault(asOf, Map.of()).getOrDefault(component, ZERO))
                        .subtract(spent.getOrDefault(asOf, Map.of()).getOrDefault(component, ZERO))
                        .subtract(open.getOrDefault(component, ZERO));
                if (left.signum() > 0) {
                    earmarked.put(component, left);
                }
            }
            BigDecimal reserve = reserve(asOf, plannedByYear.computeIfAbsent(asOf.getYear(), components::plannedFor));
            books.put(asOf, new Day(asOf, cash, open.values().stream().reduce(ZERO, BigDecimal::add), owed, reserve, earmarked));
        }
        return books;
    }

    private static BigDecimal sum(Map<String, NavigableMap<LocalDate, Accounts.DayBalance>> balances, List<String> codes,
                                  LocalDate asOf) {
        BigDecimal total = ZERO;
        for (String code : codes) {
            total = total.add(balances.get(code).floorEntry(asOf).getValue().usd());
        }
        return total;
    }

    private static Map<LocalDate, Map<String, BigDecimal>> perDay(List<? extends org.jooq.Record3<LocalDate, String, BigDecimal>> rows) {
        Map<LocalDate, Map<String, BigDecimal>> perDay = new HashMap<>();
        for (var row : rows) {
            perDay.computeIfAbsent(row.value1(), k -> new HashMap<>()).put(row.value2(), row.value3());
        }
        return perDay;
    }

    /** A component may use the general pool and its own earmarked cash, never more than the fund has in all. */
    private static BigDecimal forComponent(String component, Map<String, BigDecimal> earmarked, BigDecimal general,
                                           BigDecimal total) {
        return general.add(earmarked.getOrDefault(component, ZERO)).min(total);
    }

    /** The books at the end of one day, as availability reads them. */
    private record Day(LocalDate asOf, BigDecimal cash, BigDecimal unliquidated, BigDecimal liabilities, BigDecimal reserve,
                       Map<String, BigDecimal> earmarked) {

        Figures figures(@Nullable String component) {
            BigDecimal total = cash.subtract(unliquidated).subtract(liabilities).subtract(reserve);
            BigDecimal general = total.subtract(earmarked.values().stream().reduce(ZERO, BigDecimal::add));
            BigDecimal available = component == null ? total : forComponent(component, earmarked, general, total);
            return new Figures(asOf, component, cash, unliquidated, liabilities, reserve, total, earmarked, general, available);
        }
    }
}
