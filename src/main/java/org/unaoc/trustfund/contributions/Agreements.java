package org.unaoc.trustfund.contributions;

import static org.unaoc.trustfund.db.Tables.AGREEMENT;
import static org.unaoc.trustfund.db.Tables.TRANCHE;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unaoc.trustfund.currency.ExchangeRates;
import org.unaoc.trustfund.currency.Money;
import org.unaoc.trustfund.currency.Rate;
import org.unaoc.trustfund.ledger.Dimensions;
import org.unaoc.trustfund.ledger.EntryType;
import org.unaoc.trustfund.ledger.Journal;
import org.unaoc.trustfund.ledger.NewEntry;
import org.unaoc.trustfund.ledger.NewLine;
import org.unaoc.trustfund.security.Viewer;
import org.unaoc.trustfund.system.Problem;

/**
 * Binding contribution agreements and their tranches. An unconditional agreement is a receivable
 * and revenue on signature at that day's rate (R2): current (1210) for tranches due within 12
 * months, non-current (1220) beyond. A tranche subject to appropriation waits until confirmed; a
 * conditional agreement books nothing until cash comes (R4, see {@link Receipts}).
 */
@Service
public class Agreements {

    static final String CURRENT = "1210";
    static final String NON_CURRENT = "1220";
    static final String REVENUE = "4100";

    private final DSLContext db;
    private final Contributors contributors;
    private final Pledges pledges;
    private final ExchangeRates rates;
    private final Journal journal;
    private final AgreementViews views;

    Agreements(DSLContext db, Contributors contributors, Pledges pledges, ExchangeRates rates, Journal journal,
               AgreementViews views) {
        this.db = db;
        this.contributors = contributors;
        this.pledges = pledges;
        this.rates = rates;
        this.journal = journal;
        this.views = views;
    }

    public record NewAgreement(@NotBlank String contributor, @NotBlank @Size(max = 100) String reference,
                               @NotNull LocalDate signedOn, @Nullable Long pledge, @Nullable String earmark,
                               @Nullable @Valid Condition condition,
                               @NotNull @Size(min = 1, max = 120) List<@Valid @NotNull NewTranche> tranches) {
    }

    public record Condition(@NotBlank String description, @NotNull LocalDate deadline) {
    }

    public record NewTranche(@NotNull LocalDate dueOn, @NotNull Money amount, @Nullable Boolean subjectToAppropriation) {
        boolean waitsForAppropriation() {
            return Boolean.TRUE.equals(subjectToAppropriation);
        }
    }

    @Transactional
    public AgreementViews.Agreement sign(NewAgreement agreement, String user) {
        String currency = check(agreement);
        long id = db.insertInto(AGREEMENT)
                .set(AGREEMENT.CONTRIBUTOR, agreement.contributor())
                .set(AGREEMENT.REFERENCE, agreement.reference().strip())
                .set(AGREEMENT.SIGNED_ON, agreement.signedOn())
                .set(AGREEMENT.CURRENCY, currency)
                .set(AGREEMENT.PLEDGE_ID, agreement.pledge())
                .set(AGREEMENT.EARMARK, agreement.earmark())
                .set(AGREEMENT.CONDITION_DESCRIPTION, agreement.condition() == null ? null : agreement.condition().description())
                .set(AGREEMENT.CONDITION_DEADLINE, agreement.condition() == null ? null : agreement.condition().deadline())
                .set(AGREEMENT.CREATED_BY, user)
                .onConflictDoNothing()
                .returning(AGREEMENT.ID)
                .fetchOptional(AGREEMENT.ID)
                .orElseThrow(() -> Problem.conflict("agreement-exists", "Agreement exists",
                        "An agreement with the reference " + agreement.reference() + " already exists."));
        for (int i = 0; i < agreement.tranches().size(); i++) {
            NewTranche tranche = agreement.tranches().get(i);
            db.insertInto(TRANCHE).set(TRANCHE.AGREEMENT_ID, id).set(TRANCHE.TRANCHE_NO, i + 1)
                    .set(TRANCHE.DUE_ON, tranche.dueOn()).set(TRANCHE.AMOUNT, tranche.amount().amount())
                    .set(TRANCHE.SUBJECT_TO_APPROPRIATION, tranche.waitsForAppropriation()).execute();
        }
        if (agreement.pledge() != null) {
            pledges.moveFrom(agreement.pledge(), "ANNOUNCED", "AGREED", "agreement " + agreement.reference(),
                    agreement.signedOn());
        }
        if (agreement.condition() == null) {
            List<Integer> binding = new ArrayList<>();
            for (int i = 0; i < agreement.tranches().size(); i++) {
                if (!agreement.tranches().get(i).waitsForAppropriation()) {
                    binding.add(i + 1);
                }
            }
            recognise(id, binding, agreement.signedOn(), user, "Agreement " + agreement.reference() + " signed");
        }
        return views.get(id);
    }

    /** A tranche subject to appropriation becomes binding: R2 on the confirmation date. */
    @Transactional
    public AgreementViews.Agreement confirm(long id, int number, LocalDate on, String user) {
        var tranche = db.selectFrom(TRANCHE).where(TRANCHE.AGREEMENT_ID.eq(id)).and(TRANCHE.TRANCHE_NO.eq(number))
                .forUpdate().fetchOptional()
                .orElseThrow(() -> Problem.notFound("Tranche " + number + " of agreement " + id));
        var agreement = db.selectFrom(AGREEMENT).where(AGREEMENT.ID.eq(id)).fetchSingle();
        if (!tranche.getSubjectToAppropriation() || tranche.getRecognisedOn() != null) {
            throw Problem.conflict("tranche-not-pending-appropriation", "Nothing to confirm", "Tranche " + number
                    + " of agreement " + agreement.getReference() + " is already binding.");
        }
        if (on.isBefore(agreement.getSignedOn())) {
            throw Problem.invalidField("date", "a confirmation cannot precede the signature (" + agreement.getSignedOn() + ")");
        }
        if (agreement.getConditionDescription() == null) {
            recognise(id, List.of(number), on, user, "Appropriation confirmed: agreement " + agreement.getReference()
                    + " tranche " + number);
        } else {
            db.update(TRANCHE).set(TRANCHE.RECOGNISED_ON, on).where(TRANCHE.AGREEMENT_ID.eq(id))
                    .and(TRANCHE.TRANCHE_NO.eq(number)).execute();
        }
        return views.get(id);
    }

    /** Dr 1210/1220 per tranche at the day's rate, Cr 4100 the total (R2). */
    private void recognise(long id, List<Integer> numbers, LocalDate on, String user, String description) {
        if (numbers.isEmpty()) {
            return;
        }
        var agreement = db.selectFrom(AGREEMENT).where(AGREEMENT.ID.eq(id)).fetchSingle();
        String currency = agreement.getCurrency().trim();
        Rate rate = rates.on(currency, on);
        List<NewLine> lines = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (var tranche : db.selectFrom(TRANCHE).where(TRANCHE.AGREEMENT_ID.eq(id)).and(TRANCHE.TRANCHE_NO.in(numbers))
                .orderBy(TRANCHE.TRANCHE_NO).fetch()) {
            Money amount = Amounts.money(tranche.getAmount(), currency);
            BigDecimal usd = rate.toUsd(amount.amount());
            total = total.add(usd);
            String account = tranche.getDueOn().isAfter(on.plusMonths(12)) ? NON_CURRENT : CURRENT;
            NewLine line = NewLine.debit(account, usd).withDimensions(dimensions(agreement, tranche.getTrancheNo()));
            lines.add(rate.isUsd() ? line : line.withOriginal(amount, rate.unitsPerUsd(), rate.effectiveFrom()));
        }
        lines.add(NewLine.credit(REVENUE, total).withDimensions(dimensions(agreement, null)));
        long entry = journal.post(new NewEntry(on, EntryType.AGREEMENT, description, lines, null, user, null, null));
        db.update(TRANCHE).set(TRANCHE.RECOGNISED_ON, on).set(TRANCHE.RECOGNITION_ENTRY_ID, entry)
                .where(TRANCHE.AGREEMENT_ID.eq(id)).and(TRANCHE.TRANCHE_NO.in(numbers)).execute();
        db.update(AGREEMENT).set(AGREEMENT.RECOGNITION_ENTRY_ID, DSL.coalesce(AGREEMENT.RECOGNITION_ENTRY_ID, DSL.val(entry)))
                .where(AGREEMENT.ID.eq(id)).execute();
    }

    static Dimensions dimensions(org.unaoc.trustfund.db.tables.records.AgreementRecord agreement, @Nullable Integer tranche) {
        return new Dimensions(agreement.getContributor(), agreement.getId(), tranche, agreement.getEarmark(), null);
    }

    private String check(NewAgreement agreement) {
        contributors.existing(agreement.contributor(), "contributor");
        String currency = agreement.tranches().getFirst().amount().currency();
        for (NewTranche tranche : agreement.tranches()) {
            if (!tranche.amount().currency().equals(currency)) {
                throw Problem.invalidField("tranches", "all tranches of an agreement are in one currency ("
                        + currency + ", not " + tranche.amount().currency() + ")");
            }
            if (tranche.amount().amount().signum() <= 0) {
                throw Problem.invalidField("tranches", "a tranche is a positive amount");
            }
            if (tranche.dueOn().isBefore(agreement.signedOn())) {
                throw Problem.invalidField("tranches", "a tranche cannot fall due (" + tranche.dueOn()
                        + ") before the agreement is signed (" + agreement.signedOn() + ")");
            }
        }
        if (agreement.condition() != null && !agreement.condition().deadline().isAfter(agreement.signedOn())) {
            throw Problem.invalidField("condition.deadline", "the deadline must come after the signature");
        }
        if (agreement.pledge() != null) {
            Pledges.Pledge pledge = pledges.get(agreement.pledge());
            if (!pledge.contributor().equals(agreement.contributor())) {
                throw Problem.invalidField("pledge", "pledge " + pledge.id() + " was announced by " + pledge.contributor());
            }
        }
        rates.on(currency, agreement.signedOn());
        return currency;
    }

    public List<AgreementViews.Agreement> list(Viewer viewer) {
        return views.list(viewer.detailsLimitedTo());
    }
}
