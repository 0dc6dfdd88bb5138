package org.unaoc.trustfund.spending;

import static org.unaoc.trustfund.db.Tables.ACCOUNT;
import static org.unaoc.trustfund.db.Tables.AGREEMENT;
import static org.unaoc.trustfund.db.Tables.FUND;
import static org.unaoc.trustfund.db.Tables.RECEIPT_APPLICATION;
import static org.unaoc.trustfund.db.Tables.REFUND;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;
import org.unaoc.trustfund.approvals.ControlledOperation;
import org.unaoc.trustfund.currency.Money;
import org.unaoc.trustfund.ledger.Standing;
import org.unaoc.trustfund.system.Problem;

/**
 * Closure of the fund (R15, controlled): with obligations liquidated and liabilities settled, the
 * unspent balance is refunded — earmarked balances to their contributors, the rest pro rata to
 * the USD each contributor paid, by largest remainder so the refunds add up to the cent — the
 * refunds are paid, and the fund accepts no entry any more.
 */
@Component
public class Closure implements ControlledOperation<Closure.Request> {

    private final DSLContext db;
    private final Availability availability;
    private final Refunds refunds;

    Closure(DSLContext db, Availability availability, Refunds refunds) {
        this.db = db;
        this.availability = availability;
        this.refunds = refunds;
    }

    public record Request(LocalDate date, String reason) {
    }

    public record Closed(LocalDate closedOn, BigDecimal unspent, List<Refunds.Refund> refunds) {
    }

    @Override
    public String name() {
        return "CLOSURE";
    }

    @Override
    public Class<Request> requestType() {
        return Request.class;
    }

    @Override
    public String summary(Request request) {
        return "Closure of the fund on " + request.date() + ": " + request.reason();
    }

    @Override
    public void check(Request request, String maker) {
        if (request.date() == null || request.reason() == null || request.reason().isBlank()) {
            throw Problem.invalid("A closure needs its date and reason.");
        }
        if ("CLOSED".equals(db.select(FUND.STATUS).from(FUND).fetchSingle(FUND.STATUS))) {
            throw Problem.conflict("fund-closed", "Fund closed", "The fund is already closed.");
        }
        Availability.Figures figures = availability.of(null, request.date());
        if (figures.unliquidatedObligations().signum() != 0) {
            throw Problem.conflict("obligations-open", "Obligations open", "Obligations of "
                    + figures.unliquidatedObligations().toPlainString() + " USD (with PSC) are not liquidated; liquidate them first.");
        }
        List<String> liabilities = open(LIABILITIES);
        if (!liabilities.isEmpty()) {
            throw Problem.conflict("liabilities-open", "Liabilities open", "The fund still owes: " + String.join("; ", liabilities)
                    + ". Pay or settle them (remit the PSC, pay the invoices and refunds, apply or refund unapplied "
                    + "receipts, meet or expire conditions), then close.").with("open", liabilities);
        }
        List<String> receivables = open(RECEIVABLES);
        if (!receivables.isEmpty()) {
            throw Problem.conflict("receivables-open", "Receivables open", "The fund is still owed: " + String.join("; ", receivables)
                    + ". Collect, amend or write them off, then close.").with("open", receivables);
        }
    }

    /** What a closed fund may no longer owe: refunds, invoices, PSC, unapplied receipts, conditional cash (R22). */
    private static final List<String> LIABILITIES = List.of("2110", "2120", "2150", "2190", "2300");

    /** What a closed fund may no longer be owed: contributions receivable, current and non-current. */
    private static final List<String> RECEIVABLES = List.of("1210", "1220");

    /** The accounts among {@code codes} with a balance, each with its name and USD balance. */
    private List<String> open(List<String> codes) {
        return db.select(ACCOUNT.CODE, ACCOUNT.NAME, ACCOUNT.BALANCE_USD).from(ACCOUNT)
                .where(ACCOUNT.CODE.in(codes)).and(ACCOUNT.BALANCE_USD.ne(BigDecimal.ZERO)).orderBy(ACCOUNT.CODE)
                .fetch(r -> r.value1() + " " + r.value2() + " USD " + r.value3().abs().toPlainString());
    }

    @Override
    public Object execute(Request request, String maker, String approver, long approval) {
        check(request, maker);
        Availability.Figures figures = availability.of(null, request.date());
        BigDecimal unspent = figures.cash().subtract(figures.cashLiabilities());
        List<Refunds.Request> owed = new ArrayList<>();
        BigDecimal earmarkedTotal = BigDecimal.ZERO;
        for (var earmark : figures.earmarked().entrySet()) {
            BigDecimal share = earmark.getValue().min(unspent.subtract(earmarkedTotal));
            earmarkedTotal = earmarkedTotal.add(share);
            owed.addAll(requests(LargestRemainder.split(share, paidBy(AGREEMENT.EARMARK.eq(earmark.getKey()))), request,
                    "earmarked " + earmark.getKey() + " balance at closure"));
        }
        owed.addAll(requests(LargestRemainder.split(unspent.subtract(earmarkedTotal), paidBy(DSL.noCondition())), request,
                "unspent balance at closure, pro rata to contributions received"));
        List<Refunds.Refund> made = owed.isEmpty() ? List.of()
                : refunds.refunds(owed, maker, approver, "Closure of the fund: unspent balance refunded");
        // one approval, many payments: each names the approver (an approval id marks one entry only)
        made.forEach(refund -> refunds.pay(refund.id(), request.date(), maker, approver, null));
        db.update(FUND).set(FUND.STATUS, "CLOSED").set(FUND.CLOSED_ON, request.date()).execute();
        return new Closed(request.date(), unspent, made.stream().map(r -> refunds.get(r.id())).toList());
    }

    private static List<Refunds.Request> requests(Map<String, BigDecimal> shares, Request closure, String reason) {
        return shares.entrySet().stream().filter(e -> e.getValue().signum() > 0)
                .map(e -> new Refunds.Request(e.getKey(), null, Money.usd(e.getValue()), closure.date(), reason)).toList();
    }

    /**
     * USD received per contributor (cash on agreements, conditional and without agreement), net of
     * the refunds already made to it (R22): what it paid and was paid back does not weigh twice.
     */
    private Map<String, BigDecimal> paidBy(org.jooq.Condition agreements) {
        Map<String, BigDecimal> paid = new java.util.TreeMap<>();
        db.select(RECEIPT_APPLICATION.CONTRIBUTOR, DSL.sum(RECEIPT_APPLICATION.USD_VALUE)).from(RECEIPT_APPLICATION)
                .leftJoin(AGREEMENT).on(AGREEMENT.ID.eq(RECEIPT_APPLICATION.AGREEMENT_ID))
                .where(RECEIPT_APPLICATION.KIND.in("TRANCHE", "BANK_CHARGE", "CONDITIONAL", "REVENUE").and(org.unaoc.trustfund.contributions.Received.standing()))
                .and(RECEIPT_APPLICATION.CONTRIBUTOR.isNotNull()).and(agreements)
                .groupBy(RECEIPT_APPLICATION.CONTRIBUTOR).orderBy(RECEIPT_APPLICATION.CONTRIBUTOR)
                .forEach(r -> paid.put(r.value1(), r.value2()));
        db.select(REFUND.CONTRIBUTOR, DSL.sum(REFUND.AMOUNT)).from(REFUND)
                .leftJoin(AGREEMENT).on(AGREEMENT.ID.eq(REFUND.AGREEMENT_ID))
                .where(Standing.entry(REFUND.ENTRY_ID)).and(agreements)
                .groupBy(REFUND.CONTRIBUTOR)
                .forEach(r -> paid.computeIfPresent(r.value1(), (contributor, usd) -> usd.subtract(r.value2()).max(BigDecimal.ZERO)));
        return paid;
    }
}
