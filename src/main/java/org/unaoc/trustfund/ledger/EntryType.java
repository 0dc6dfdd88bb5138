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
    YEAR_END_CLOSE,
    /** R17: money moved between two bank accounts, the difference realised in 7810. */
    BANK_TRANSFER,
    /** R16: an entry brought to a rate corrected, or published late, for its date (approved with the rate). */
    RATE_CORRECTION,
    /** R16: a settlement made to settle the carrying amount date order gives it; the difference to 7810. */
    SETTLEMENT_ADJUSTMENT,
    /** R16: a revaluation made to value what date order leaves outstanding at its date; the difference to 7820. */
    REVALUATION_ADJUSTMENT,
    /** R16: a move between 1220 and 1210 made to move the carrying amount date order gives. */
    RECLASSIFICATION_ADJUSTMENT,
    /** R16: a write-off made to write off the carrying amount date order gives; the difference to 6500. */
    WRITE_OFF_ADJUSTMENT;

    /** Posted by the books themselves to keep R16; reversing one would only be undone again. */
    public boolean isAdjustment() {
        return this == SETTLEMENT_ADJUSTMENT || this == REVALUATION_ADJUSTMENT || this == RECLASSIFICATION_ADJUSTMENT
                || this == WRITE_OFF_ADJUSTMENT || this == CONDITION_MET;
    }
}
