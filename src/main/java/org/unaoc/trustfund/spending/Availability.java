package org.unaoc.trustfund.spending;

import static org.unaoc.trustfund.db.Tables.ACCOUNT;
import static org.unaoc.trustfund.db.Tables.AGREEMENT;
import static org.unaoc.trustfund.db.Tables.BUDGET_COMPONENT;
import static org.unaoc.trustfund.db.Tables.EXPENDITURE;
import static org.unaoc.trustfund.db.Tables.OBLIGATION;
import static org.unaoc.trustfund.db.Tables.RECEIPT_APPLICATION;
import static org.unaoc.trustfund.db.Tables.REFUND;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.unaoc.trustfund.ledger.FundParameters;
import org.unaoc.trustfund.system.AdvisoryLocks;
import org.unaoc.trustfund.system.Problem;

/**
 * Funds available for a new commitment (R9): cash, less unliquidated obligations with their PSC,
 * less liabilities to be paid in cash, less the operating cash reserve (R10). Receivables and
 * pledges never count. Earmarked cash (conditional cash included) is available only to its
 * component; the general pool to all.
 */
@Service
public class Availability {

    static final String[] CASH_LIABILITIES = {"2110", "2150", "2190"};
    private static final BigDecimal ZERO = new BigDecimal("0.00");

    private final DSLContext db;
    private final FundParameters fund;
    private final BudgetComponents components;

    Availability(DSLContext db, FundParameters fund, BudgetComponents components) {
        this.db = db;
        this.fund = fund;
        this.components = components;
    }

    public record Figures(LocalDate asOf, @Nullable String component, BigDecimal cash, BigDecimal unliquidatedObligations,
                          BigDecimal cashLiabilities, BigDecimal operatingReserve, BigDecimal availableInTotal,
                          Map<String, BigDecimal> earmarked, BigDecimal generalPool, BigDecimal available) {
    }

    /** Serialises commitments: two that each fit but not together cannot both pass. */
    void lock() {
        AdvisoryLocks.hold(db, AdvisoryLocks.AVAILABILITY, 0);
    }

    public Figures of(@Nullable String component, LocalDate asOf) {
        if (component != null) {
            components.requireExists(component, "component");
        }
        FundParameters.Rates rates = fund.on(asOf);
        BigDecimal cash = balance(DSL.substring(ACCOUNT.CODE, 1, 2).eq("10"));
        BigDecimal liabilities = balance(ACCOUNT.CODE.in(CASH_LIABILITIES)).negate();
        Map<String, BigDecimal> unliquidated = unliquidatedByComponent();
        BigDecimal unliquidatedTotal = unliquidated.values().stream().reduce(ZERO, BigDecimal::add);
        BigDecimal planned = components.plannedFor(asOf.getYear());
        BigDecimal plannedWithPsc = planned.add(psc(planned, rates.pscRate()));
        BigDecimal reserve = rates.operatingReserveRate().multiply(plannedWithPsc).setScale(2, RoundingMode.HALF_UP);
        BigDecimal total = cash.subtract(unliquidatedTotal).subtract(liabilities).subtract(reserve);
        Map<String, BigDecimal> earmarked = earmarked(unliquidated);
        BigDecimal earmarkedTotal = earmarked.values().stream().reduce(ZERO, BigDecimal::add);
        BigDecimal general = total.subtract(earmarkedTotal);
        BigDecimal available = component == null ? total : forComponent(component, earmarked, general, total);
        return new Figures(asOf, component, cash, unliquidatedTotal, liabilities, reserve, total, earmarked, general, available);
    }

    /** The funds available for each component on a date, from one reading of the books. */
    public Map<String, BigDecimal> byComponent(LocalDate asOf) {
        Figures fund = of(null, asOf);
        Map<String, BigDecimal> byComponent = new LinkedHashMap<>();
        for (BudgetComponents.Component component : components.list()) {
            byComponent.put(component.code(), forComponent(component.code(), fund.earmarked(), fund.generalPool(),
                    fund.availableInTotal()));
        }
        return byComponent;
    }

    /** A component may use the general pool and its own earmarked cash, never more than the fund has in all. */
    private static BigDecimal forComponent(String component, Map<String, BigDecimal> earmarked, BigDecimal general,
                                           BigDecimal total) {
        return general.add(earmarked.getOrDefault(component, ZERO)).min(total);
    }

    /** Refuses a commitment of {@code cost} (PSC included) that the component's funds cannot carry. */
    void require(String component, BigDecimal cost, LocalDate on) {
        Figures figures = of(component, on);
        if (cost.compareTo(figures.available()) > 0) {
            throw new Problem(HttpStatus.CONFLICT, "insufficient-funds", "Insufficient funds",
                    "The commitment needs " + cost.toPlainString() + " USD with its programme support cost, but "
                            + figures.available().toPlainString() + " USD is available for " + component
                            + " (cash less unliquidated obligations, cash liabilities and the operating reserve; "
                            + "cash earmarked for other components excluded).")
                    .with("available", Map.of("amount", figures.available().toPlainString(), "currency", "USD"))
                    .with("required", Map.of("amount", cost.toPlainString(), "currency", "USD"))
                    .with("component", component);
        }
    }

    static BigDecimal psc(BigDecimal amount, BigDecimal rate) {
        return amount.multiply(rate).setScale(2, RoundingMode.HALF_UP);
    }

    private BigDecimal balance(org.jooq.Condition accounts) {
        return db.select(DSL.coalesce(DSL.sum(ACCOUNT.BALANCE_USD), ZERO)).from(ACCOUNT).where(accounts).fetchSingle().value1();
    }

    /** Per component: what obligations still commit, with their PSC at the rate of each obligation. */
    private Map<String, BigDecimal> unliquidatedByComponent() {
        var liquidated = DSL.select(DSL.coalesce(DSL.sum(EXPENDITURE.LIQUIDATED), BigDecimal.ZERO)).from(EXPENDITURE)
                .where(EXPENDITURE.OBLIGATION_ID.eq(OBLIGATION.ID)).and(Spent.standing());
        Map<String, BigDecimal> open = new LinkedHashMap<>();
        for (var row : db.select(OBLIGATION.COMPONENT, OBLIGATION.AMOUNT.minus(DSL.field(liquidated)), OBLIGATION.PSC_RATE)
                .from(OBLIGATION).fetch()) {
            BigDecimal remaining = row.value2();
            if (remaining.signum() > 0) {
                open.merge(row.value1(), remaining.add(psc(remaining, row.value3())), BigDecimal::add);
            }
        }
        return open;
    }

    /**
     * Per component: earmarked cash not yet spent or committed. Received on agreements earmarked to
     * the component (conditional cash included), less refunds of it, less what the component spent
     * (with PSC) and still commits.
     */
    private Map<String, BigDecimal> earmarked(Map<String, BigDecimal> unliquidated) {
        Map<String, BigDecimal> earmarked = new LinkedHashMap<>();
        for (String component : db.select(BUDGET_COMPONENT.CODE).from(BUDGET_COMPONENT).fetch(BUDGET_COMPONENT.CODE)) {
            BigDecimal received = db.select(DSL.coalesce(DSL.sum(RECEIPT_APPLICATION.USD_VALUE), ZERO))
                    .from(RECEIPT_APPLICATION).join(AGREEMENT).on(AGREEMENT.ID.eq(RECEIPT_APPLICATION.AGREEMENT_ID))
                    .where(AGREEMENT.EARMARK.eq(component))
                    .and(org.unaoc.trustfund.contributions.Received.onTranches()).fetchSingle().value1();
            if (received.signum() == 0) {
                continue;
            }
            BigDecimal refunded = db.select(DSL.coalesce(DSL.sum(REFUND.AMOUNT), ZERO)).from(REFUND)
                    .join(AGREEMENT).on(AGREEMENT.ID.eq(REFUND.AGREEMENT_ID)).where(AGREEMENT.EARMARK.eq(component))
                    .fetchSingle().value1();
            BigDecimal spent = db.select(DSL.coalesce(DSL.sum(EXPENDITURE.AMOUNT.plus(EXPENDITURE.PSC)), ZERO))
                    .from(EXPENDITURE).where(EXPENDITURE.COMPONENT.eq(component)).and(Spent.standing()).fetchSingle().value1();
            BigDecimal left = received.subtract(refunded).subtract(spent).subtract(unliquidated.getOrDefault(component, ZERO));
            if (left.signum() > 0) {
                earmarked.put(component, left);
            }
        }
        return earmarked;
    }
}
