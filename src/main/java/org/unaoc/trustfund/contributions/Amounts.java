package org.unaoc.trustfund.contributions;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.unaoc.trustfund.currency.Money;

/** Amounts read back from numeric(24,4) columns, at their currency's decimals. */
final class Amounts {

    private Amounts() {
    }

    static Money money(BigDecimal stored, String currency) {
        String code = currency.trim();
        return new Money(stored.setScale(Money.decimals(code), RoundingMode.UNNECESSARY), code);
    }
}
