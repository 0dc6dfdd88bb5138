package org.unaoc.trustfund.spending;

import static org.unaoc.trustfund.db.Tables.ACCOUNT;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unaoc.trustfund.currency.Money;
import org.unaoc.trustfund.ledger.EntryType;
import org.unaoc.trustfund.ledger.Journal;
import org.unaoc.trustfund.ledger.JournalEntries;
import org.unaoc.trustfund.ledger.NewEntry;
import org.unaoc.trustfund.ledger.NewLine;
import org.unaoc.trustfund.system.Problem;

/**
 * Programme support cost charged to the fund (R8) is owed to the United Nations (2150) until it is
 * remitted: Dr 2150 / Cr 1010. Funds available do not change, since the payable was already deducted.
 */
@Service
public class PscRemittances {

    private final DSLContext db;
    private final Journal journal;
    private final JournalEntries entries;

    PscRemittances(DSLContext db, Journal journal, JournalEntries entries) {
        this.db = db;
        this.journal = journal;
        this.entries = entries;
    }

    /** Remits the amount, or all that is payable when none is given. */
    @Transactional
    public JournalEntries.Entry remit(@Nullable BigDecimal amount, LocalDate on, String user) {
        BigDecimal payable = db.select(ACCOUNT.BALANCE_USD).from(ACCOUNT).where(ACCOUNT.CODE.eq(Spending.PSC_PAYABLE))
                .fetchSingle(ACCOUNT.BALANCE_USD).negate();
        BigDecimal remitted = amount == null ? payable : Money.withinScale(amount, 2, "amount");
        if (remitted.signum() <= 0) {
            throw Problem.conflict("nothing-payable", "Nothing to remit", "No programme support cost is payable.");
        }
        if (remitted.compareTo(payable) > 0) {
            throw Problem.invalidField("amount", remitted.toPlainString() + " is more than the programme support cost payable ("
                    + payable.toPlainString() + ")");
        }
        long entry = journal.post(new NewEntry(on, EntryType.EXPENDITURE, "Programme support cost remitted to the United Nations",
                List.of(NewLine.debit(Spending.PSC_PAYABLE, remitted), NewLine.credit(Spending.CASH, remitted)), null, user,
                null, null));
        return entries.get(entry);
    }
}
