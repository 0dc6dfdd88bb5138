package org.unaoc.trustfund.currency;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A UN operational rate: currency units per 1 USD, as published (C2), with the date it took
 * effect. USD itself has the rate 1 and no date.
 */
public record Rate(String currency, BigDecimal unitsPerUsd, @Nullable LocalDate effectiveFrom) {

    public static Rate usd() {
        return new Rate(Money.USD, BigDecimal.ONE, null);
    }

    public boolean isUsd() {
        return Money.USD.equals(currency);
    }

    /** USD = original ÷ rate, at full precision, rounded once to the cent HALF_UP (C4). */
    public BigDecimal toUsd(BigDecimal original) {
        return original.divide(unitsPerUsd, 2, RoundingMode.HALF_UP);
    }
}
