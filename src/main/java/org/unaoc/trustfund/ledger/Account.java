package org.unaoc.trustfund.ledger;

import org.jspecify.annotations.Nullable;

/** An account of the chart (ACCOUNTING.md §2). */
public record Account(int id, String code, String name, AccountType type, boolean contra, @Nullable String currency) {

    /** +1 where the account's balance is normally a debit, -1 where it is normally a credit. */
    public int normalSign() {
        int sign = type.debitNormal() ? 1 : -1;
        return contra ? -sign : sign;
    }
}
