package org.unaoc.trustfund.ledger;

import static org.unaoc.trustfund.db.Tables.APPROVAL;

import java.time.LocalDate;
import java.util.List;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.unaoc.trustfund.approvals.Approvals;
import org.unaoc.trustfund.approvals.ControlledOperation;
import org.unaoc.trustfund.currency.Money;
import org.unaoc.trustfund.system.Problem;

/** The reversal of a posted entry: every line on the other side. An entry is reversed at most once. */
@Component
class EntryReversal implements ControlledOperation<EntryReversal.Request> {

    record Request(long entry, LocalDate date, String reason) {
    }

    private final Journal journal;
    private final JournalEntries entries;
    private final Periods periods;
    private final DSLContext db;

    EntryReversal(Journal journal, JournalEntries entries, Periods periods, DSLContext db) {
        this.journal = journal;
        this.entries = entries;
        this.periods = periods;
        this.db = db;
    }

    @Override
    public String name() {
        return "REVERSAL";
    }

    @Override
    public Class<Request> requestType() {
        return Request.class;
    }

    @Override
    public String summary(Request request) {
        return "Reversal of entry " + request.entry() + " on " + request.date() + ": " + request.reason();
    }

    @Override
    public void check(Request request, String maker) {
        JournalEntries.Entry original = reversible(request);
        if (request.date().isBefore(original.date())) {
            throw Problem.invalidField("date", "a reversal cannot be dated before the entry it reverses (" + original.date() + ")");
        }
        periods.requireOpen(Periods.idOf(request.date()));
        boolean waiting = db.fetchExists(APPROVAL, APPROVAL.OPERATION.eq(name())
                .and(APPROVAL.STATUS.eq(Approvals.PENDING))
                .and(org.jooq.impl.DSL.field("({0} ->> 'entry')::bigint", Long.class, APPROVAL.PAYLOAD).eq(request.entry())));
        if (waiting) {
            throw Problem.conflict("duplicate-request", "Duplicate request",
                    "A reversal of entry " + request.entry() + " is already waiting for approval.");
        }
    }

    @Override
    public Object execute(Request request, String maker, String approver, long approval) {
        JournalEntries.Entry original = reversible(request);
        List<NewLine> lines = original.lines().stream().map(EntryReversal::reversedLine).toList();
        long id = journal.post(new NewEntry(request.date(), EntryType.REVERSAL,
                "Reversal of entry " + original.id() + ": " + request.reason(), lines, original.id(), maker, approver, approval));
        return entries.get(id);
    }

    private JournalEntries.Entry reversible(Request request) {
        if (request.reason() == null || request.reason().isBlank()) {
            throw Problem.invalidField("reason", "is missing: say why the entry is reversed");
        }
        if (request.date() == null) {
            throw Problem.invalidField("date", "is missing");
        }
        JournalEntries.Entry original = entries.get(request.entry());
        if (EntryType.valueOf(original.type()) == EntryType.REVALUATION) {
            throw Problem.conflict("revaluation-not-reversible", "Revaluation not reversible", "Entry " + original.id()
                    + " is a revaluation (R6): it values what was held at the rates of its date, and later postings settle "
                    + "what it carried. To change it, correct the rate of that date (a controlled correction).");
        }
        if (EntryType.valueOf(original.type()) == EntryType.YEAR_END_CLOSE) {
            throw Problem.conflict("year-end-close-not-reversible", "Year-end close not reversible", "Entry " + original.id()
                    + " closes a year (R22). To change the year, ask for its December to be reopened, post the adjustments, "
                    + "close December again and run the year-end close again: it closes what changed.");
        }
        if (EntryType.valueOf(original.type()).isAdjustment()) {
            throw Problem.conflict("adjustment-not-reversible", "Adjustment not reversible", "Entry " + original.id()
                    + " is an adjustment the books post themselves so that recording order changes no figure (R16); "
                    + "it follows the entries it restates. Reverse the receipt, settlement or revaluation it follows instead.");
        }
        if (original.reversedBy() != null) {
            throw Problem.conflict("already-reversed", "Already reversed", "Entry " + original.id()
                    + " was already reversed by entry " + original.reversedBy() + "; an entry is reversed at most once.");
        }
        return original;
    }

    /** The line on the other side, with its original amount and dimensions. */
    private static NewLine reversedLine(JournalEntries.Line line) {
        boolean wasDebit = line.debit() != null;
        java.math.BigDecimal usd = wasDebit ? line.debit().negate() : line.credit();
        @Nullable Money original = line.original() == null ? null
                : (wasDebit ? line.original().negate() : line.original());
        return new NewLine(line.account(), usd, original, line.rate(), line.rateDate(),
                new Dimensions(line.contributor(), line.agreement(), line.tranche(), line.component(), line.objectClass()));
    }
}
