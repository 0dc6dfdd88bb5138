package org.unaoc.trustfund.projections;

import static org.unaoc.trustfund.db.Tables.ACCOUNT;
import static org.unaoc.trustfund.db.Tables.AGREEMENT;
import static org.unaoc.trustfund.db.Tables.COST_PLAN;
import static org.unaoc.trustfund.db.Tables.JOURNAL_LINE;
import static org.unaoc.trustfund.db.Tables.PLEDGE;
import static org.unaoc.trustfund.db.Tables.RECEIPT_APPLICATION;
import static org.unaoc.trustfund.db.Tables.TRANCHE;
import static org.unaoc.trustfund.db.Tables.WRITE_OFF;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.unaoc.trustfund.currency.ExchangeRates;
import org.unaoc.trustfund.ledger.FundParameters;
import org.unaoc.trustfund.ledger.Standing;
import org.unaoc.trustfund.spending.Availability;
import org.unaoc.trustfund.spending.Schedules;
import org.unaoc.trustfund.statements.Statements;
import org.unaoc.trustfund.system.Problem;

/** Whether the money will last: the monthly cash projection under a scenario, read from the books as of a date. */
@Service
public class Projections {

    private static final int MAX_MONTHS = 180;

    private final DSLContext db;
    private final FundParameters fund;
    private final ExchangeRates rates;
    private final Schedules schedules;
    private final Statements statements;

    Projections(DSLContext db, FundParameters fund, ExchangeRates rates, Schedules schedules,
                Statements statements) {
        this.db = db;
        this.fund = fund;
        this.rates = rates;
        this.schedules = schedules;
        this.statements = statements;
    }

    public record Still(BigDecimal amount, @Nullable YearMonth by) {
    }

    /**
     * A projection. {@code cash} is every bank account at the as-of rate; {@code openingCash} the
     * spendable part of it, after the cash liabilities; {@code monthsOfCoverage} is (opening cash −
     * reserve − open obligations) ÷ average monthly planned spending; {@code monthsUntilBelowReserve}
     * counts the projected months before the first one below the reserve.
     */
    public record Result(LocalDate asOf, YearMonth until, Scenario scenario, BigDecimal cash, BigDecimal cashLiabilities,
                         BigDecimal openingCash, BigDecimal balanceOfFunds,
                         BigDecimal securedReceipts, BigDecimal announcedPledges, BigDecimal plannedSpending,
                         BigDecimal unliquidatedObligations, List<Projection.Month> months, BigDecimal fundingGap,
                         BigDecimal fundingGapWithPledges, @Nullable BigDecimal monthsOfCoverage, int monthsUntilBelowReserve,
                         @Nullable YearMonth firstMonthBelowReserve, Still stillToBePledged,
                         Map<String, BigDecimal> exchangeRateSensitivity) {
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Result project(LocalDate asOf, @Nullable YearMonth until, Scenario scenario) {
        ProjectionInputs inputs = inputs(asOf, until != null ? until : YearMonth.from(fund.current().groupTermEndsOn()));
        Projection.Outcome outcome = Projection.run(inputs, scenario);
        Set<String> currencies = new HashSet<>(inputs.ratesOnAsOf().keySet());
        Map<String, BigDecimal> sensitivity = new java.util.LinkedHashMap<>();
        sensitivity.put("fundingGapAtMinus10Percent",
                Projection.run(inputs, scenario.withAllCurrencies(new BigDecimal("-0.10"), currencies)).gap());
        sensitivity.put("fundingGapAtPlus10Percent",
                Projection.run(inputs, scenario.withAllCurrencies(new BigDecimal("0.10"), currencies)).gap());
        BigDecimal planned = outcome.months().stream().map(Projection.Month::plannedSpending).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal secured = outcome.months().stream().map(Projection.Month::securedReceipts).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal announced = outcome.months().stream().map(Projection.Month::announcedPledges).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Result(asOf, inputs.last(), scenario, Projection.usd(inputs, inputs.cash(), scenario),
                Projection.usd(inputs, inputs.cashLiabilities(), scenario), outcome.openingCash(), inputs.balanceOfFunds(),
                secured, announced,
                planned, inputs.unliquidatedWithPsc(), outcome.months(), outcome.gap(), outcome.gapWithPledges(),
                outcome.monthsOfCoverage(), outcome.monthsUntilBelowReserve(), outcome.firstMonthBelowReserve(),
                new Still(outcome.gap(), outcome.firstMonthBelowReserve()), sensitivity);
    }

    /**
     * How far a projection looks when not told: the end of the Group's term or of the last cost
     * plan, whichever is later, and at least twelve months after the as-of date.
     */
    public YearMonth horizon(LocalDate asOf) {
        YearMonth horizon = YearMonth.from(fund.current().groupTermEndsOn());
        Integer lastPlan = db.select(DSL.max(COST_PLAN.YEAR)).from(COST_PLAN).fetchSingle().value1();
        if (lastPlan != null && YearMonth.of(lastPlan, 12).isAfter(horizon)) {
            horizon = YearMonth.of(lastPlan, 12);
        }
        return horizon.isAfter(YearMonth.from(asOf)) ? horizon : YearMonth.from(asOf).plusMonths(12);
    }

    ProjectionInputs inputs(LocalDate asOf, YearMonth until) {
        YearMonth first = YearMonth.from(asOf.plusDays(1));
        if (until.isBefore(first)) {
            throw Problem.invalidField("until", until + " is before the first month after the as-of date (" + first + ")");
        }
        if (first.plusMonths(MAX_MONTHS).isBefore(until)) {
            throw Problem.invalidField("until", "a projection runs at most " + MAX_MONTHS + " months");
        }
        List<ProjectionInputs.Inflow> secured = secured(asOf);
        List<ProjectionInputs.Inflow> announced = announced(asOf);
        Map<String, BigDecimal> rateOn = new HashMap<>();
        for (var inflow : concat(secured, announced)) {
            rateOn.computeIfAbsent(inflow.currency(), currency -> rates.on(currency, asOf).unitsPerUsd());
        }
        List<ProjectionInputs.Cash> cash = inCurrencies(asOf, ACCOUNT.CURRENCY.isNotNull(), BigDecimal.ONE);
        List<ProjectionInputs.Cash> owed = inCurrencies(asOf, ACCOUNT.CODE.in(Availability.CASH_LIABILITIES_WITH_CONDITIONAL_CASH),
                BigDecimal.ONE.negate());
        for (var amount : concat(cash, owed)) {
            rateOn.computeIfAbsent(amount.currency(), currency -> rates.on(currency, asOf).unitsPerUsd());
        }
        BigDecimal psc = fund.on(asOf).pscRate();
        Map<Integer, Map<String, BigDecimal>> plans = new HashMap<>();
        db.select(COST_PLAN.YEAR, COST_PLAN.COMPONENT, DSL.sum(COST_PLAN.AMOUNT)).from(COST_PLAN)
                .where(COST_PLAN.YEAR.between(first.getYear(), until.getYear()))
                .groupBy(COST_PLAN.YEAR, COST_PLAN.COMPONENT)
                .forEach(r -> plans.computeIfAbsent(r.value1(), y -> new HashMap<>())
                        .put(r.value2(), r.value3().add(r.value3().multiply(psc).setScale(2, RoundingMode.HALF_UP))));
        Map<Integer, Map<String, BigDecimal>> obligated = new HashMap<>();
        schedules.obligations(asOf).obligations().forEach(o -> obligated.computeIfAbsent(o.obligatedOn().getYear(),
                y -> new HashMap<>()).merge(o.component(), o.unliquidatedWithPsc(), BigDecimal::add));
        return new ProjectionInputs(asOf, first, until, cash, owed, statements.balanceOfFunds(asOf), rateOn,
                secured, announced, plans, obligated, fund.on(asOf).operatingReserveRate());
    }


    /**
     * What the accounts chosen hold at the end of the date, by account and currency (the USD a line
     * carries when it has no other currency), {@code sign} making it positive on the side it is
     * normally on; only what is not zero, so that no rate is asked for an empty account (R17).
     */
    private List<ProjectionInputs.Cash> inCurrencies(LocalDate asOf, org.jooq.Condition accounts, BigDecimal sign) {
        var currency = DSL.coalesce(JOURNAL_LINE.CURRENCY, ACCOUNT.CURRENCY, DSL.inline("USD"));
        var amount = DSL.sum(DSL.coalesce(JOURNAL_LINE.ORIGINAL_AMOUNT, JOURNAL_LINE.AMOUNT_USD));
        return db.select(ACCOUNT.CODE, currency, amount).from(JOURNAL_LINE).join(ACCOUNT).on(ACCOUNT.ID.eq(JOURNAL_LINE.ACCOUNT_ID))
                .where(accounts).and(JOURNAL_LINE.ENTRY_DATE.le(asOf)).groupBy(ACCOUNT.CODE, currency).having(amount.ne(BigDecimal.ZERO))
                .orderBy(ACCOUNT.CODE, currency)
                .fetch(r -> new ProjectionInputs.Cash(r.value1(), r.value2().trim(), r.value3().multiply(sign)));
    }

    /** Open tranches of agreements binding on the date, what was still outstanding then. */
    private List<ProjectionInputs.Inflow> secured(LocalDate asOf) {
        var received = DSL.select(DSL.coalesce(DSL.sum(RECEIPT_APPLICATION.AMOUNT), BigDecimal.ZERO)).from(RECEIPT_APPLICATION)
                .where(RECEIPT_APPLICATION.AGREEMENT_ID.eq(TRANCHE.AGREEMENT_ID)).and(RECEIPT_APPLICATION.TRANCHE_NO.eq(TRANCHE.TRANCHE_NO))
                .and(org.unaoc.trustfund.contributions.Received.onTranchesBy(asOf));
        var written = DSL.select(DSL.coalesce(DSL.sum(WRITE_OFF.AMOUNT), BigDecimal.ZERO)).from(WRITE_OFF)
                .where(WRITE_OFF.AGREEMENT_ID.eq(TRANCHE.AGREEMENT_ID)).and(WRITE_OFF.TRANCHE_NO.eq(TRANCHE.TRANCHE_NO))
                .and(WRITE_OFF.KIND.eq("WRITE_OFF")).and(WRITE_OFF.WRITTEN_ON.le(asOf));
        List<ProjectionInputs.Inflow> inflows = new ArrayList<>();
        for (var row : db.select(AGREEMENT.CONTRIBUTOR, AGREEMENT.REFERENCE, AGREEMENT.CURRENCY, TRANCHE.TRANCHE_NO,
                        TRANCHE.AMOUNT.minus(DSL.field(received)).minus(DSL.field(written)), TRANCHE.DUE_ON)
                .from(TRANCHE).join(AGREEMENT).on(AGREEMENT.ID.eq(TRANCHE.AGREEMENT_ID))
                .where(AGREEMENT.SIGNED_ON.le(asOf))
                .and(TRANCHE.SUBJECT_TO_APPROPRIATION.isFalse().or(TRANCHE.RECOGNISED_ON.le(asOf)))
                // a tranche with an allowance standing is doubtful: not counted as secured
                .andNotExists(DSL.selectOne().from(WRITE_OFF).where(WRITE_OFF.AGREEMENT_ID.eq(TRANCHE.AGREEMENT_ID))
                        .and(WRITE_OFF.TRANCHE_NO.eq(TRANCHE.TRANCHE_NO)).and(WRITE_OFF.KIND.eq("ALLOWANCE"))
                        .and(WRITE_OFF.WRITTEN_ON.le(asOf)).and(Standing.entryBy(WRITE_OFF.ENTRY_ID, DSL.val(asOf))))
                .orderBy(TRANCHE.DUE_ON, AGREEMENT.ID, TRANCHE.TRANCHE_NO).fetch()) {
            if (row.value5().signum() > 0) {
                inflows.add(new ProjectionInputs.Inflow(row.value1(), row.value2() + "/" + row.value4(), row.value3().trim(),
                        row.value5(), row.value6()));
            }
        }
        return inflows;
    }

    /** Pledges announced and not yet agreed, paid or cancelled on the date; tranches still awaiting appropriation. */
    private List<ProjectionInputs.Inflow> announced(LocalDate asOf) {
        List<ProjectionInputs.Inflow> inflows = new ArrayList<>();
        db.selectFrom(PLEDGE).where(org.unaoc.trustfund.contributions.Pledges.announcedOn(asOf))
                .orderBy(PLEDGE.ID)
                .forEach(p -> inflows.add(new ProjectionInputs.Inflow(p.getContributor(), "pledge " + p.getId(),
                        p.getCurrency().trim(), p.getAmount(), p.getExpectedOn() != null ? p.getExpectedOn() : p.getAnnouncedOn())));
        db.select(AGREEMENT.CONTRIBUTOR, AGREEMENT.REFERENCE, AGREEMENT.CURRENCY, TRANCHE.TRANCHE_NO, TRANCHE.AMOUNT, TRANCHE.DUE_ON)
                .from(TRANCHE).join(AGREEMENT).on(AGREEMENT.ID.eq(TRANCHE.AGREEMENT_ID))
                .where(AGREEMENT.SIGNED_ON.le(asOf)).and(TRANCHE.SUBJECT_TO_APPROPRIATION.isTrue())
                .and(TRANCHE.RECOGNISED_ON.isNull().or(TRANCHE.RECOGNISED_ON.gt(asOf)))
                .forEach(r -> inflows.add(new ProjectionInputs.Inflow(r.value1(), r.value2() + "/" + r.value4(),
                        r.value3().trim(), r.value5(), r.value6())));
        return inflows;
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
