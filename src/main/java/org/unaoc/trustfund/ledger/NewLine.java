package org.unaoc.trustfund.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.unaoc.trustfund.currency.Money;
import org.unaoc.trustfund.system.Problem;

/**
 * One line of an entry to post: the account, the USD amount (debit positive, credit negative),
 * and where the money is in another currency the original amount (same sign), the rate used and
 * the rate's effective date.
 */
public record NewLine(String account, BigDecimal usd, @Nullable Money original, @Nullable BigDecimal rate,
                      @Nullable LocalDate rateDate, Dimensions dimensions) {

    public NewLine {
        usd = Money.withinScale(usd, 2, "USD amount of account " + account);
        if (usd.signum() == 0) {
            throw Problem.invalidField("lines", "a line on " + account + " has a zero amount; every line moves money");
        }
        if (original != null && original.amount().signum() != 0 && original.amount().signum() != usd.signum()) {
            throw Problem.invalidField("originalAmount", "the original amount on " + account
                    + " must be on the same side as its USD amount");
        }
        if ((rate == null) != (rateDate == null) || (rate != null && original == null)) {
            throw Problem.invalidField("rate", "a rate needs its effective date and an original amount");
        }
        if (rate != null && rate.signum() <= 0) {
            throw Problem.invalidField("rate", "a rate is a positive number of currency units per USD");
        }
    }

    public static NewLine debit(String account, BigDecimal usd) {
        return new NewLine(account, usd, null, null, null, Dimensions.NONE);
    }

    public static NewLine credit(String account, BigDecimal usd) {
        return new NewLine(account, usd.negate(), null, null, null, Dimensions.NONE);
    }

    public NewLine withDimensions(Dimensions newDimensions) {
        return new NewLine(account, usd, original, rate, rateDate, newDimensions);
    }

    public NewLine withOriginal(Money money, @Nullable BigDecimal usedRate, @Nullable LocalDate usedRateDate) {
        return new NewLine(account, usd, money, usedRate, usedRateDate, dimensions);
    }

    /** The same line on the other side: what a reversal posts. */
    public NewLine reversed() {
        return new NewLine(account, usd.negate(), original == null ? null : original.negate(), rate, rateDate, dimensions);
    }
}
