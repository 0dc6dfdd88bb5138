package org.unaoc.trustfund.spending;

import static org.unaoc.trustfund.db.Tables.AGREEMENT;
import static org.unaoc.trustfund.db.Tables.REFUND;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.unaoc.trustfund.approvals.ControlledOperation;
import org.unaoc.trustfund.contributions.Contributors;
import org.unaoc.trustfund.currency.ExchangeRates;
import org.unaoc.trustfund.currency.Money;
import org.unaoc.trustfund.currency.Rate;
import org.unaoc.trustfund.ledger.Account;
import org.unaoc.trustfund.ledger.ChartOfAccounts;
import org.unaoc.trustfund.ledger.Dimensions;
import org.unaoc.trustfund.ledger.EntryType;
import org.unaoc.trustfund.ledger.Journal;
import org.unaoc.trustfund.ledger.NewEntry;
import org.unaoc.trustfund.ledger.NewLine;
import org.unaoc.trustfund.ledger.Standing;
import org.unaoc.trustfund.system.Problem;

/** Refunds to contributors (controlled): Dr 4190 / Cr 2110, then Dr 2110 / Cr cash when paid (R15). */
@Component
public class Refunds implements ControlledOperation<Refunds.Request> {

    static final String REFUNDS = "4190";
    static final String REALISED = "7810";

    private final DSLContext db;
    private final Journal journal;
    private final Contributors contributors;
    private final Availability availability;
    private final ChartOfAccounts chart;
    private final ExchangeRates rates;

    Refunds(DSLContext db, Journal journal, Contributors contributors, Availability availability, ChartOfAccounts chart,
            ExchangeRates rates) {
        this.chart = chart;
        this.rates = rates;
        this.db = db;
        this.availability = availability;
        this.journal = journal;
        this.contributors = contributors;
    }

    public record Request(String contributor, @Nullable Long agreement, Money amount, LocalDate date, String reason) {
    }

    /** {@code amount}: the USD owed when decided; {@code original}: what is owed in another currency, if any (R17). */
    public record Refund(long id, String contributor, @Nullable Long agreement, BigDecimal amount, String reason,
                         LocalDate decidedOn, long entry, @Nullable Long paidEntry, @Nullable Money original) {
    }

    @Override
    public String name() {
        return "REFUND";
    }

    @Override
    public Class<Request> requestType() {
        return Request.class;
    }

    @Override
    public String summary(Request request) {
        return "Refund of " + request.amount().currency() + " " + request.amount().formatted() + " to " + request.contributor()
                + ": " + request.reason();
    }

    @Override
    public void check(Request request, String maker) {
        contributors.existing(request.contributor(), "contributor");
        if (request.amount() == null || request.amount().amount().signum() <= 0) {
            throw Problem.invalidField("amount", "a refund is a positive amount");
        }
        bankAccountFor(request.amount().currency());
        if (request.date() == null || request.reason() == null || request.reason().isBlank()) {
            throw Problem.invalid("A refund needs its date and reason.");
        }
        // what the fund owes from the decision on is a cash liability (2110): it must fit the funds
        // available on its date and every later month end (R9, R20), checked as it is asked for
        availability.lock();
        availability.require(earmark(request.agreement()), usd(request), request.date());
    }

    /** The USD owed when decided: the amount, or a currency amount at the rate of the day (R17). */
    private BigDecimal usd(Request request) {
        return request.amount().isUsd() ? request.amount().amount()
                : rates.on(request.amount().currency(), request.date()).toUsd(request.amount().amount());
    }

    /** A refund on an earmarked agreement may use the cash earmarked for its component; any other, the general pool. */
    private @Nullable String earmark(@Nullable Long agreement) {
        return agreement == null ? null : db.select(AGREEMENT.EARMARK).from(AGREEMENT).where(AGREEMENT.ID.eq(agreement))
                .fetchOptional(AGREEMENT.EARMARK)
                .orElseThrow(() -> Problem.invalidField("agreement", "agreement " + agreement + " does not exist"));
    }

    @Override
    public Object execute(Request request, String maker, String approver, long approval) {
        check(request, maker);
        return refunds(List.of(request), maker, approver, "Refund to " + request.contributor() + ": " + request.reason())
                .getFirst();
    }

    /** One entry: Dr 4190 the total / Cr 2110 per contributor; a refund row each. */
    List<Refund> refunds(List<Request> requests, String maker, @Nullable String approver, String description) {
        List<NewLine> lines = new java.util.ArrayList<>();
        List<BigDecimal> owed = new java.util.ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Request request : requests) {
            Dimensions dimensions = new Dimensions(request.contributor(), request.agreement(), null, null, null);
            if (request.amount().isUsd()) {
                owed.add(request.amount().amount());
                lines.add(NewLine.credit(Conditions.REFUNDS_PAYABLE, request.amount().amount()).withDimensions(dimensions));
            } else {
                // owed in the currency (R17): 2110 carries it, at the rate of the day it is decided
                Rate rate = rates.on(request.amount().currency(), request.date());
                BigDecimal usd = usd(request);
                owed.add(usd);
                lines.add(new NewLine(Conditions.REFUNDS_PAYABLE, usd.negate(), request.amount().negate(), rate.unitsPerUsd(),
                        rate.effectiveFrom(), dimensions));
            }
            total = total.add(owed.getLast());
        }
        lines.addFirst(NewLine.debit(REFUNDS, total));
        long entry = journal.post(new NewEntry(requests.getFirst().date(), EntryType.REFUND, description, lines, null, maker,
                approver, null));
        List<Refund> made = new java.util.ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            Request request = requests.get(i);
            made.add(get(db.insertInto(REFUND).set(REFUND.CONTRIBUTOR, request.contributor())
                .set(REFUND.AGREEMENT_ID, request.agreement()).set(REFUND.AMOUNT, owed.get(i))
                .set(REFUND.CURRENCY, request.amount().currency())
                .set(REFUND.ORIGINAL_AMOUNT, request.amount().isUsd() ? null : request.amount().amount())
                .set(REFUND.REASON, request.reason()).set(REFUND.DECIDED_ON, request.date()).set(REFUND.ENTRY_ID, entry)
                .set(REFUND.CREATED_BY, maker).set(REFUND.APPROVED_BY, approver)
                .returning(REFUND.ID).fetchOne(REFUND.ID)));
        }
        return made;
    }

    /** The bank account a refund in the currency is paid from: the one that holds it (R17). */
    private String bankAccountFor(String currency) {
        return chart.bankAccounts().stream().filter(a -> currency.equals(a.currency())).map(Account::code).findFirst()
                .orElseThrow(() -> Problem.invalidField("amount", "no bank account of the fund holds " + currency
                        + ": a refund is paid in the currency of one of them (" + chart.bankAccounts().stream()
                        .map(Account::currency).distinct().toList() + ")"));
    }

    /** The refund paid from the USD bank account: Dr 2110 / Cr 1010, by its maker on its approver's approval. */
    @Transactional
    public Refund pay(long id, LocalDate on, String user) {
        return pay(id, on, user, null, null);
    }

    @Transactional
    public Refund pay(long id, LocalDate on, String user, @Nullable String approver, @Nullable Long approval) {
        Refund refund = get(id);
        if (refund.paidEntry() != null) {
            throw Problem.conflict("refund-paid", "Already paid", "Refund " + id + " was paid (entry " + refund.paidEntry() + ").");
        }
        if (!db.fetchExists(DSL.selectOne().where(Standing.entry(DSL.val(refund.entry()))))) {
            throw Problem.conflict("refund-cancelled", "Refund cancelled", "The decision to refund " + refund.contributor()
                    + " (entry " + refund.entry() + ") was reversed: there is nothing to pay.").with("refund", id);
        }
        if (on.isBefore(refund.decidedOn())) {
            throw Problem.invalidField("date", on + " is before the refund was decided on " + refund.decidedOn()
                    + ": it is paid on or after that day");
        }
        availability.lock();
        Dimensions dimensions = new Dimensions(refund.contributor(), refund.agreement(), null, null, null);
        List<NewLine> lines;
        if (refund.original() == null) {
            availability.requireInBank(Spending.CASH, refund.amount(), on, "The payment of refund " + id);
            lines = List.of(NewLine.debit(Conditions.REFUNDS_PAYABLE, refund.amount()).withDimensions(dimensions),
                    NewLine.credit(Spending.CASH, refund.amount()));
        } else {
            // paid in its currency from the account that holds it, at the day's rate; the difference from what was
            // owed in USD is realised (7810); the cash account's carrying amount follows (R16)
            String account = bankAccountFor(refund.original().currency());
            availability.requireInBank(account, refund.original().amount(), on, "The payment of refund " + id);
            Rate rate = rates.on(refund.original().currency(), on);
            BigDecimal paid = rate.toUsd(refund.original().amount());
            lines = new java.util.ArrayList<>(List.of(
                    new NewLine(Conditions.REFUNDS_PAYABLE, refund.amount(), refund.original(), null, null, dimensions),
                    new NewLine(account, paid.negate(), refund.original().negate(), rate.unitsPerUsd(), rate.effectiveFrom(),
                            Dimensions.NONE)));
            BigDecimal difference = paid.subtract(refund.amount());
            if (difference.signum() != 0) {
                lines.add(new NewLine(REALISED, difference, null, null, null, dimensions));
            }
        }
        long entry = journal.post(new NewEntry(on, EntryType.REFUND, "Refund " + id + " paid to " + refund.contributor(),
                lines, null, user, approver, approval));
        // once, even when two approved payments of it run at the same moment: the second writes nothing
        // a payment whose entry was reversed leaves the refund owed again (R21)
        if (db.update(REFUND).set(REFUND.PAID_ENTRY_ID, entry).where(REFUND.ID.eq(id))
                .and(REFUND.PAID_ENTRY_ID.isNull().or(DSL.not(Standing.entry(REFUND.PAID_ENTRY_ID))))
                .execute() == 0) {
            throw Problem.conflict("refund-paid", "Already paid", "Refund " + id + " was paid at the same moment.");
        }
        return get(id);
    }

    /** Every refund decided, newest first, paid or not. */
    public List<Refund> list() {
        return db.select(REFUND.asterisk(), paid()).from(REFUND).orderBy(REFUND.ID.desc()).fetch(Refunds::refund);
    }

    /** The refund, paid while its payment stands (R21: a reversed payment leaves it owed). */
    public Refund get(long id) {
        return db.select(REFUND.asterisk(), paid()).from(REFUND).where(REFUND.ID.eq(id)).fetchOptional(Refunds::refund)
                .orElseThrow(() -> Problem.notFound("Refund " + id));
    }

    private static org.jooq.Field<Long> paid() {
        return DSL.when(Standing.entry(REFUND.PAID_ENTRY_ID), REFUND.PAID_ENTRY_ID).as("paid");
    }

    private static Refund refund(org.jooq.Record row) {
        var r = row.into(REFUND);
        return new Refund(r.getId(), r.getContributor(), r.getAgreementId(), r.getAmount(), r.getReason(), r.getDecidedOn(),
                r.getEntryId(), row.get("paid", Long.class), r.getOriginalAmount() == null ? null
                : new Money(r.getOriginalAmount().setScale(Money.decimals(r.getCurrency().trim()), java.math.RoundingMode.UNNECESSARY),
                        r.getCurrency().trim()));
    }
}
