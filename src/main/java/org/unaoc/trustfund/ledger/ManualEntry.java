package org.unaoc.trustfund.ledger;

import org.springframework.stereotype.Component;
import org.unaoc.trustfund.approvals.ControlledOperation;

/** A manual journal entry: posted only when another officer approves it. */
@Component
class ManualEntry implements ControlledOperation<ManualEntryRequest> {

    private final Journal journal;
    private final JournalEntries entries;
    private final BankBalances bank;
    private final FundsAvailable funds;

    ManualEntry(Journal journal, JournalEntries entries, BankBalances bank, FundsAvailable funds) {
        this.bank = bank;
        this.funds = funds;
        this.journal = journal;
        this.entries = entries;
    }

    @Override
    public String name() {
        return "MANUAL_ENTRY";
    }

    @Override
    public Class<ManualEntryRequest> requestType() {
        return ManualEntryRequest.class;
    }

    @Override
    public String summary(ManualEntryRequest request) {
        NewEntry entry = request.toNewEntry("-", null, null);
        java.math.BigDecimal total = entry.lines().stream().map(NewLine::usd).filter(a -> a.signum() > 0)
                .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
        return "Manual entry " + request.date() + " of USD " + total.toPlainString() + ": " + request.description();
    }

    @Override
    public void check(ManualEntryRequest request, String maker) {
        NewEntry entry = request.toNewEntry(maker, null, null);
        journal.check(entry);
        bank.requireHeldFor(entry, "The manual entry");
        funds.requireFor(entry);
    }

    @Override
    public Object execute(ManualEntryRequest request, String maker, String approver, long approval) {
        NewEntry entry = request.toNewEntry(maker, approver, approval);
        bank.requireHeldFor(entry, "The manual entry");
        funds.requireFor(entry);
        long id = journal.post(entry);
        return entries.get(id);
    }
}
