package org.unaoc.trustfund.ledger;

/**
 * R9/R20 for an entry the ledger posts by hand: what it takes out of the funds available (cash
 * less cash liabilities) must fit them on its date and every later month end. Implemented where
 * availability is worked out (spending); the ledger only asks.
 */
public interface FundsAvailable {

    /** Refuses, with the funds available then, an entry that would leave less than nothing available. */
    void requireFor(NewEntry entry);
}
