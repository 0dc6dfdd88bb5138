package org.unaoc.trustfund.contributions;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.unaoc.trustfund.currency.Money;

/** Amounts read back from numeric(24,4) columns, at their currency's decimals, and shares of a carrying amount. */
final class Amounts {

    private Amounts() {
    }

    /**
     * The USD that {@code amount} of a balance carries (R5): all of it when the amount is all that
     * is held, else its share, rounded once to the cent HALF_UP.
     */
    static BigDecimal share(BigDecimal carrying, BigDecimal held, BigDecimal amount) {
        return amount.compareTo(held) == 0 ? carrying : carrying.multiply(amount).divide(held, 2, RoundingMode.HALF_UP);
    }

    static Money money(BigDecimal stored, String currency) {
        String code = currency.trim();
        return new Money(stored.setScale(Money.decimals(code), RoundingMode.UNNECESSARY), code);
    }
}
