package org.unaoc.trustfund.ledger;

/** What made a journal entry. Features add their own as they post. */
public enum EntryType {
    MANUAL,
    REVERSAL,
    AGREEMENT,
    RECEIPT,
    RECLASSIFICATION,
    REVALUATION,
    EXPENDITURE,
    CONDITION_MET,
    WRITE_OFF,
    REFUND,
    YEAR_END_CLOSE
}
