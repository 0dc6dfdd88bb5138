package org.unaoc.trustfund.ledger;

import org.jspecify.annotations.Nullable;

/** An account of the chart (ACCOUNTING.md §2). */
public record Account(int id, String code, String name, AccountType type, boolean contra, @Nullable String currency) {

    /** A bank account: the chart gives it the one currency it is kept in (1010 USD, 1011 EUR, more by configuration). */
    public boolean bank() {
        return currency != null;
    }

    /** +1 where the account's balance is normally a debit, -1 where it is normally a credit. */
    public int normalSign() {
        int sign = type.debitNormal() ? 1 : -1;
        return contra ? -sign : sign;
    }
}
