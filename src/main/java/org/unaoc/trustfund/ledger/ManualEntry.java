package org.unaoc.trustfund.ledger;

import org.springframework.stereotype.Component;
import org.unaoc.trustfund.approvals.ControlledOperation;

/** A manual journal entry: posted only when another officer approves it. */
@Component
class ManualEntry implements ControlledOperation<ManualEntryRequest> {

    private final Journal journal;
    private final JournalEntries entries;

    ManualEntry(Journal journal, JournalEntries entries) {
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
        journal.check(request.toNewEntry(maker, null, null));
    }

    @Override
    public Object execute(ManualEntryRequest request, String maker, String approver, long approval) {
        long id = journal.post(request.toNewEntry(maker, approver, approval));
        return entries.get(id);
    }
}
