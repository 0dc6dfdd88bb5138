package org.unaoc.trustfund.spending;

import static org.unaoc.trustfund.db.Tables.ACCOUNT;
import static org.unaoc.trustfund.db.Tables.AGREEMENT;
import static org.unaoc.trustfund.db.Tables.JOURNAL_LINE;
import static org.unaoc.trustfund.db.Tables.REFUND;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unaoc.trustfund.ledger.Dimensions;
import org.unaoc.trustfund.ledger.EntryType;
import org.unaoc.trustfund.ledger.Journal;
import org.unaoc.trustfund.ledger.NewEntry;
import org.unaoc.trustfund.ledger.NewLine;
import org.unaoc.trustfund.system.Problem;

/**
 * Conditional contributions (R4): qualifying spending on the earmarked component meets the
 * condition, and that much of the liability (2300) becomes revenue ({@link ConditionsMet}); at
 * the deadline what is left becomes a refund payable to the contributor (2110).
 */
@Service
public class Conditions {

    static final String CONDITIONAL = "2300";
    static final String REVENUE = "4100";
    static final String REFUNDS_PAYABLE = "2110";

    private final DSLContext db;
    private final Journal journal;

    Conditions(DSLContext db, Journal journal) {
        this.db = db;
        this.journal = journal;
    }

    /** At the deadline, what is still held under the condition is owed back: Dr 2300 / Cr 2110. */
    @Transactional
    public long expire(long agreementId, LocalDate on, String user) {
        var agreement = db.selectFrom(AGREEMENT).where(AGREEMENT.ID.eq(agreementId)).forUpdate().fetchOptional()
                .orElseThrow(() -> Problem.notFound("Agreement " + agreementId));
        if (agreement.getConditionDeadline() == null) {
            throw Problem.conflict("no-condition", "No condition", "Agreement " + agreement.getReference() + " has no condition.");
        }
        if (on.isBefore(agreement.getConditionDeadline())) {
            throw Problem.invalidField("date", "the deadline of " + agreement.getReference() + " is "
                    + agreement.getConditionDeadline() + "; it has not passed on " + on);
        }
        BigDecimal held = held(agreementId, on);
        if (held.signum() <= 0) {
            throw Problem.conflict("nothing-held", "Nothing held", "Nothing is held under the condition of "
                    + agreement.getReference() + ".");
        }
        Dimensions dimensions = new Dimensions(agreement.getContributor(), agreementId, null, agreement.getEarmark(), null);
        long entry = journal.post(new NewEntry(on, EntryType.REFUND, "Condition of " + agreement.getReference()
                + " not met by " + agreement.getConditionDeadline() + ": unspent balance owed back",
                List.of(NewLine.debit(CONDITIONAL, held).withDimensions(dimensions),
                        NewLine.credit(REFUNDS_PAYABLE, held).withDimensions(dimensions)), null, user, null, null));
        return db.insertInto(REFUND).set(REFUND.CONTRIBUTOR, agreement.getContributor()).set(REFUND.AGREEMENT_ID, agreementId)
                .set(REFUND.AMOUNT, held).set(REFUND.REASON, "condition not met by " + agreement.getConditionDeadline())
                .set(REFUND.DECIDED_ON, on).set(REFUND.ENTRY_ID, entry).set(REFUND.CREATED_BY, user)
                .returning(REFUND.ID).fetchOne(REFUND.ID);
    }

    /** What the books hold in 2300 for the agreement on the date (credit balance, positive). */
    private BigDecimal held(long agreement, LocalDate on) {
        return db.select(DSL.coalesce(DSL.sum(JOURNAL_LINE.AMOUNT_USD.neg()), BigDecimal.ZERO)).from(JOURNAL_LINE)
                .join(ACCOUNT).on(ACCOUNT.ID.eq(JOURNAL_LINE.ACCOUNT_ID))
                .where(ACCOUNT.CODE.eq(CONDITIONAL)).and(JOURNAL_LINE.AGREEMENT_ID.eq(agreement))
                .and(JOURNAL_LINE.ENTRY_DATE.le(on)).fetchSingle().value1();
    }
}
