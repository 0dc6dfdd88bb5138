package org.unaoc.trustfund.spending;

import static org.unaoc.trustfund.db.Tables.EXPENDITURE;
import static org.unaoc.trustfund.db.Tables.OBLIGATION;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unaoc.trustfund.currency.Money;
import org.unaoc.trustfund.ledger.Dimensions;
import org.unaoc.trustfund.ledger.EntryType;
import org.unaoc.trustfund.ledger.FundParameters;
import org.unaoc.trustfund.ledger.Journal;
import org.unaoc.trustfund.ledger.JournalEntries;
import org.unaoc.trustfund.ledger.NewEntry;
import org.unaoc.trustfund.ledger.NewLine;
import org.unaoc.trustfund.ledger.Periods;
import org.unaoc.trustfund.system.Problem;

/**
 * Obligations (commitments, R11) and expenditure with its programme support cost in the same
 * entry (R8), each checked against the funds available to its component (R9) under one lock.
 */
@Service
public class Spending {

    static final String CASH = "1010";
    static final String PSC_EXPENSE = "5900";
    static final String PSC_PAYABLE = "2150";
    static final String PAYABLE = "2120";

    private final DSLContext db;
    private final Availability availability;
    private final BudgetComponents components;
    private final FundParameters fund;
    private final Journal journal;
    private final JournalEntries entries;
    private final ConditionsMet conditionsMet;
    private final Allotments allotments;
    private final Periods periods;
    private final Obligations obligations;
    private final Liquidations liquidations;

    Spending(DSLContext db, Availability availability, BudgetComponents components, FundParameters fund, Journal journal,
             JournalEntries entries, ConditionsMet conditionsMet, Allotments allotments, Periods periods,
             Obligations obligations, Liquidations liquidations) {
        this.db = db;
        this.liquidations = liquidations;
        this.obligations = obligations;
        this.periods = periods;
        this.allotments = allotments;
        this.availability = availability;
        this.components = components;
        this.fund = fund;
        this.journal = journal;
        this.entries = entries;
        this.conditionsMet = conditionsMet;
    }

    public record Commitment(@NotBlank String component, @NotNull ObjectClass objectClass, @NotNull Money amount,
                             @NotNull LocalDate date, @NotBlank @Size(max = 200) String payee,
                             @NotBlank @Size(max = 1000) String description, @Nullable Long obligation,
                             @Nullable Boolean finalLiquidation) {

        public Commitment(String component, ObjectClass objectClass, Money amount, LocalDate date, String payee,
                          String description, @Nullable Long obligation) {
            this(component, objectClass, amount, date, payee, description, obligation, null);
        }

        boolean releasesTheRest() {
            return Boolean.TRUE.equals(finalLiquidation);
        }
    }

    public record Obligation(long id, String component, ObjectClass objectClass, BigDecimal amount, BigDecimal pscRate,
                             LocalDate date, String payee, String description, BigDecimal adjusted, BigDecimal liquidated,
                             BigDecimal unliquidated) {
    }

    public record Expenditure(long id, String component, ObjectClass objectClass, BigDecimal amount, BigDecimal psc,
                              BigDecimal pscRate, LocalDate date, String payee, @Nullable Long obligation,
                              BigDecimal liquidated, JournalEntries.Entry entry, List<JournalEntries.Entry> conditionsMet) {
    }

    @Transactional
    public Obligation obligate(Commitment commitment, String user) {
        BigDecimal amount = usd(commitment);
        if (commitment.obligation() != null) {
            throw Problem.invalidField("obligation", "an obligation does not liquidate another");
        }
        BigDecimal rate = fund.on(commitment.date()).pscRate();
        if (commitment.finalLiquidation() != null) {
            throw Problem.invalidField("finalLiquidation", "an obligation is not a liquidation: name the obligation on the expenditure that liquidates it");
        }
        periods.requireOpen(commitment.date());
        availability.lock();
        availability.require(commitment.component(), amount.add(Availability.psc(amount, rate)), commitment.date());
        allotments.require(commitment.component(), commitment.date(), amount);
        long id = db.insertInto(OBLIGATION).set(OBLIGATION.COMPONENT, commitment.component())
                .set(OBLIGATION.OBJECT_CLASS, commitment.objectClass().name()).set(OBLIGATION.AMOUNT, amount)
                .set(OBLIGATION.PSC_RATE, rate).set(OBLIGATION.OBLIGATED_ON, commitment.date())
                .set(OBLIGATION.PAYEE, commitment.payee().strip()).set(OBLIGATION.DESCRIPTION, commitment.description().strip())
                .set(OBLIGATION.CREATED_BY, user).returning(OBLIGATION.ID).fetchOne(OBLIGATION.ID);
        return obligations.get(id);
    }

    /**
     * A direct expenditure paid from the USD bank account, once another officer has approved it
     * (R19): {@code approver} and {@code approval} go on the entry beside the maker.
     */
    @Transactional
    public Expenditure spend(Commitment commitment, String maker, String approver, long approval) {
        return record(commitment, CASH, maker, approver, approval);
    }

    /**
     * Everything a direct expenditure must pass, checked as it is asked for so that a bad one never
     * waits in the approval queue: the component, the open period, funds available on its date and
     * later (R20), the allotment, the obligation it liquidates and the cash in the bank.
     */
    @Transactional(readOnly = true)
    public Plan check(Commitment commitment) {
        periods.requireOpen(commitment.date());
        return plan(commitment, CASH);
    }

    /**
     * The cost incurred and owed (R18): the expenditure's lines with 2120 credited in place of
     * cash, funds checked and reserved at once; the payment follows, approved (R19).
     */
    Expenditure incur(Commitment commitment, String user) {
        return record(commitment, PAYABLE, user, null, null);
    }

    /**
     * What an expenditure would post, what it would liquidate and what its final liquidation would
     * release (R21, in date order), its checks passed.
     */
    public record Plan(BigDecimal amount, BigDecimal psc, BigDecimal pscRate, String account, BigDecimal liquidated,
                       BigDecimal released) {
    }

    private Plan plan(Commitment commitment, String credited) {
        BigDecimal amount = usd(commitment);
        FundParameters.Rates rates = fund.on(commitment.date());
        String account = commitment.objectClass().account();
        BigDecimal psc = rates.pscExemptAccounts().contains(account) ? BigDecimal.ZERO.setScale(2)
                : Availability.psc(amount, rates.pscRate());
        availability.lock();
        BigDecimal cost = amount.add(psc);
        Function<LocalDate, BigDecimal> more = day -> cost;
        BigDecimal beyondObligation = amount;
        BigDecimal liquidated = BigDecimal.ZERO.setScale(2);
        BigDecimal released = BigDecimal.ZERO.setScale(2);
        if (commitment.obligation() != null) {
            Obligation obligation = obligations.get(commitment.obligation());
            if (!obligation.component().equals(commitment.component())) {
                throw Problem.invalidField("obligation", "obligation " + obligation.id() + " is for " + obligation.component());
            }
            if (commitment.date().isBefore(obligation.date())) {
                throw Problem.invalidField("date", commitment.date() + " is before obligation " + obligation.id()
                        + " was made on " + obligation.date() + ": it liquidates nothing then");
            }
            Liquidations.History history = liquidations.of(obligation.id());
            Liquidation.Outcome before = history.replay();
            Liquidation.Outcome after = history.with(Liquidations.candidate(commitment.date(), amount,
                    commitment.releasesTheRest())).replay();
            requireWithinLaterChanges(obligation, after, before);
            liquidated = after.liquidated().get(-1L);
            released = after.released().getOrDefault(-1L, released);
            // what the obligation stops reserving, on each day: this liquidation, and what date order
            // moves between the later ones
            BigDecimal committed = history.committed();
            BigDecimal rate = obligation.pscRate();
            more = day -> cost.subtract(reserve(before.openOn(day, committed), rate)).add(reserve(after.openOn(day, committed), rate));
            beyondObligation = amount.subtract(after.liquidatedInAll(history.spent()).add(liquidated)
                    .subtract(before.liquidatedInAll(history.spent())));
        } else if (commitment.releasesTheRest()) {
            throw Problem.invalidField("finalLiquidation", "a final liquidation names the obligation it liquidates");
        }
        availability.require(commitment.component(), more, commitment.date());
        allotments.require(commitment.component(), commitment.date(), beyondObligation);
        if (credited.equals(CASH)) {
            availability.requireInBank(CASH, amount, commitment.date(), "The expenditure");
        }
        return new Plan(amount, psc, rates.pscRate(), account, liquidated, released);
    }

    /** What an obligation reserves of the funds available: what is open with its PSC (R11). */
    private static BigDecimal reserve(BigDecimal open, BigDecimal pscRate) {
        return open.signum() <= 0 ? BigDecimal.ZERO : open.add(Availability.psc(open, pscRate));
    }

    /** A back-dated liquidation may not take what a later reduction or cancellation already released. */
    private static void requireWithinLaterChanges(Obligation obligation, Liquidation.Outcome after, Liquidation.Outcome before) {
        Liquidation.Change change = after.beyondOpen();
        if (change != null && before.beyondOpen() == null) {
            throw Problem.conflict("obligation-released-later", "Obligation released later",
                            "Obligation " + obligation.id() + " was " + (change.kind().equals("CANCELLATION") ? "cancelled" : "reduced")
                            + " on " + change.on() + " by what was open then: an expenditure dated before that would liquidate"
                            + " what the " + change.kind().toLowerCase(java.util.Locale.ROOT) + " released. Date it on or after "
                            + change.on() + " without naming the obligation, or raise the obligation first.")
                    .with("obligation", obligation.id()).with("adjustment", change.id()).with("adjustedOn", change.on().toString());
        }
    }

    /** An expenditure paid from {@code credited}: the USD bank account, or the payables it is owed on. */
    private Expenditure record(Commitment commitment, String credited, String user, @Nullable String approver,
                               @Nullable Long approval) {
        Plan plan = plan(commitment, credited);
        BigDecimal amount = plan.amount();
        BigDecimal psc = plan.psc();
        Dimensions dimensions = new Dimensions(null, null, null, commitment.component(), commitment.objectClass().name());
        List<NewLine> lines = new ArrayList<>(List.of(NewLine.debit(plan.account(), amount).withDimensions(dimensions),
                NewLine.credit(credited, amount)));
        if (psc.signum() > 0) {
            lines.add(NewLine.debit(PSC_EXPENSE, psc).withDimensions(dimensions));
            lines.add(NewLine.credit(PSC_PAYABLE, psc).withDimensions(dimensions));
        }
        long entry = journal.post(new NewEntry(commitment.date(), EntryType.EXPENDITURE, commitment.description().strip()
                + " (" + commitment.payee().strip() + ")", lines, null, user, approver, approval));
        long id = db.insertInto(EXPENDITURE).set(EXPENDITURE.COMPONENT, commitment.component())
                .set(EXPENDITURE.OBJECT_CLASS, commitment.objectClass().name()).set(EXPENDITURE.AMOUNT, amount)
                .set(EXPENDITURE.PSC, psc).set(EXPENDITURE.PSC_RATE, plan.pscRate()).set(EXPENDITURE.SPENT_ON, commitment.date())
                .set(EXPENDITURE.PAYEE, commitment.payee().strip()).set(EXPENDITURE.DESCRIPTION, commitment.description().strip())
                .set(EXPENDITURE.OBLIGATION_ID, commitment.obligation()).set(EXPENDITURE.LIQUIDATED, plan.liquidated())
                .set(EXPENDITURE.RELEASES_THE_REST, commitment.releasesTheRest()).set(EXPENDITURE.RELEASED, plan.released())
                .set(EXPENDITURE.ENTRY_ID, entry).set(EXPENDITURE.CREATED_BY, user)
                .returning(EXPENDITURE.ID).fetchOne(EXPENDITURE.ID);
        if (commitment.obligation() != null) {
            liquidations.restate(commitment.obligation());
        }
        List<Long> met = conditionsMet.restate(commitment.component(), user);
        return new Expenditure(id, commitment.component(), commitment.objectClass(), amount, psc, plan.pscRate(),
                commitment.date(), commitment.payee(), commitment.obligation(), plan.liquidated(), entries.get(entry),
                met.stream().map(entries::get).toList());
    }

    public Obligation obligation(long id) {
        return obligations.get(id);
    }

    private BigDecimal usd(Commitment commitment) {
        components.requireExists(commitment.component(), "component");
        if (!commitment.amount().isUsd()) {
            throw Problem.invalidField("amount", "obligations and expenditure are recorded in USD");
        }
        if (commitment.amount().amount().signum() <= 0) {
            throw Problem.invalidField("amount", "must be positive");
        }
        if (fund.closed()) {
            throw Problem.conflict("fund-closed", "Fund closed", "The fund is closed: it accepts no commitment.");
        }
        return commitment.amount().amount();
    }
}
