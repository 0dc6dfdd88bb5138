package org.unaoc.trustfund.spending;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.NavigableMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unaoc.trustfund.currency.Money;
import org.unaoc.trustfund.ledger.Accounts;
import org.unaoc.trustfund.ledger.EntryType;
import org.unaoc.trustfund.ledger.Journal;
import org.unaoc.trustfund.ledger.JournalEntries;
import org.unaoc.trustfund.ledger.NewEntry;
import org.unaoc.trustfund.ledger.NewLine;
import org.unaoc.trustfund.system.Problem;

/**
 * Programme support cost charged to the fund (R8) is owed to the United Nations (2150) until it is
 * remitted: Dr 2150 / Cr 1010, a disbursement that waits for an approving officer (R19, {@link
 * PscRemittanceApprovals}). Funds available do not change, since the payable was already deducted.
 */
@Service
public class PscRemittances {

    private final Journal journal;
    private final JournalEntries entries;

    private final Availability availability;
    private final Accounts accounts;

    PscRemittances(Journal journal, JournalEntries entries, Availability availability, Accounts accounts) {
        this.availability = availability;
        this.accounts = accounts;
        this.journal = journal;
        this.entries = entries;
    }

    /**
     * What a remittance on the day would pay: the amount, or all that is payable when none is given;
     * refused when more than is payable on that day and every later one, or when 1010 cannot pay it.
     */
    BigDecimal remittable(@Nullable BigDecimal amount, LocalDate on) {
        BigDecimal payable = payableFrom(on);
        BigDecimal remitted = amount == null ? payable : Money.withinScale(amount, 2, "amount");
        if (remitted.signum() <= 0) {
            throw Problem.conflict("nothing-payable", "Nothing to remit", "No programme support cost is payable on " + on
                    + " and every later day on the books.");
        }
        if (remitted.compareTo(payable) > 0) {
            throw Problem.invalidField("amount", remitted.toPlainString() + " is more than the programme support cost payable ("
                    + payable.toPlainString() + " USD on " + on + " and on every later day on the books)");
        }
        availability.requireInBank(Spending.CASH, remitted, on, "The remittance of programme support cost");
        return remitted;
    }

    /** Remits the amount (Dr 2150 / Cr 1010), by its maker on its approver's approval (R19). */
    @Transactional
    public JournalEntries.Entry remit(BigDecimal amount, LocalDate on, String maker, String approver, long approval) {
        availability.lock();
        BigDecimal remitted = remittable(amount, on);
        long entry = journal.post(new NewEntry(on, EntryType.EXPENDITURE, "Programme support cost remitted to the United Nations",
                List.of(NewLine.debit(Spending.PSC_PAYABLE, remitted), NewLine.credit(Spending.CASH, remitted)), null, maker,
                approver, approval));
        return entries.get(entry);
    }

    /** What is payable on the day and stays payable on every later day on the books: no later day may owe less than nothing. */
    private BigDecimal payableFrom(LocalDate on) {
        NavigableMap<LocalDate, Accounts.DayBalance> balance = accounts.daily(List.of(Spending.PSC_PAYABLE), on)
                .get(Spending.PSC_PAYABLE);
        BigDecimal payable = balance.floorEntry(on).getValue().usd().negate();
        for (Accounts.DayBalance later : balance.tailMap(on, false).values()) {
            payable = payable.min(later.usd().negate());
        }
        return payable;
    }
}
