package org.unaoc.trustfund.ledger;

public enum AccountType {
    ASSET, LIABILITY, NET_ASSETS, REVENUE, EXPENSE;

    boolean debitNormal() {
        return this == ASSET || this == EXPENSE;
    }
}
