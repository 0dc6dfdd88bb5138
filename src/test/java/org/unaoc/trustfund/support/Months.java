package org.unaoc.trustfund.support;

import java.time.YearMonth;
import java.util.concurrent.atomic.AtomicInteger;

/** Months no other test uses, so that tests sharing the database never close each other's periods. */
public final class Months {

    private static final YearMonth FIRST = YearMonth.of(2050, 1);
    private static final AtomicInteger next = new AtomicInteger();

    private Months() {
    }

    public static YearMonth fresh() {
        return FIRST.plusMonths(next.getAndIncrement());
    }
}
