package org.unaoc.trustfund.spending;

/** Object classes of expenditure and the expense account each is booked to (ACCOUNTING.md §2). */
public enum ObjectClass {
    STAFF("5100"), TRAVEL("5200"), CONTRACTUAL("5300"), MEETINGS("5400"), OPERATING("5500");

    private final String account;

    ObjectClass(String account) {
        this.account = account;
    }

    public String account() {
        return account;
    }
}
