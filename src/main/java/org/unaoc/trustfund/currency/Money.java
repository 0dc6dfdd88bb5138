package org.unaoc.trustfund.currency;

import java.math.BigDecimal;
import java.math.RoundingMode;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import javax.money.UnknownCurrencyException;
import org.unaoc.trustfund.system.DecimalLimits;
import org.unaoc.trustfund.system.Problem;

/**
 * An exact amount in a currency, as the API carries it: {"amount": "1000.00", "currency": "EUR"}.
 * An amount with more decimals than its currency has is refused, never rounded (C4).
 */
public record Money(BigDecimal amount, String currency) {

    public static final String USD = "USD";
    /** The most digits before the point an amount may have: the books keep numeric(20,2). */
    public static final int MAX_WHOLE_DIGITS = 18;

    public Money {
        currency = checkedCurrency(currency);
        if (amount == null) {
            throw Problem.invalidField("amount", "is missing");
        }
        amount = withinScale(amount, decimals(currency), "amount");
    }

    public static Money usd(BigDecimal amount) {
        return new Money(amount, USD);
    }

    public static Money usd(String amount) {
        return usd(new BigDecimal(amount));
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isUsd() {
        return USD.equals(currency);
    }

    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    /** The decimal string of the amount with exactly the currency's decimals ("1000.00", "1000" for JPY). */
    public String formatted() {
        return amount.setScale(decimals(currency), RoundingMode.UNNECESSARY).toPlainString();
    }

    public static int decimals(String currency) {
        return unit(currency).getDefaultFractionDigits();
    }

    /** The amount at exactly {@code decimals} places, or a 422 naming the field if it has more. */
    public static BigDecimal withinScale(BigDecimal amount, int decimals, String field) {
        BigDecimal plain = DecimalLimits.checked(amount, field).stripTrailingZeros();
        if (plain.scale() > decimals) {
            throw Problem.invalidField(field, amount.toPlainString() + " has more than " + decimals
                    + " decimal" + (decimals == 1 ? "" : "s") + "; amounts are never rounded silently");
        }
        if (plain.precision() - plain.scale() > MAX_WHOLE_DIGITS) {
            throw Problem.invalidField(field, amount.toPlainString() + " is larger than the books hold: an amount has at most "
                    + MAX_WHOLE_DIGITS + " digits before the decimal point");
        }
        return amount.setScale(decimals, RoundingMode.UNNECESSARY);
    }

    public static String checkedCurrency(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            throw Problem.invalidField("currency", "'" + code + "' is not an ISO 4217 code such as USD or EUR");
        }
        unit(code);
        return code;
    }

    private static CurrencyUnit unit(String code) {
        try {
            CurrencyUnit unit = Monetary.getCurrency(code);
            if (unit.getDefaultFractionDigits() < 0) {
                throw Problem.invalidField("currency", code + " is not a currency money can be paid in");
            }
            return unit;
        } catch (UnknownCurrencyException e) {
            throw Problem.invalidField("currency", code + " is not a known ISO 4217 currency");
        }
    }
}
