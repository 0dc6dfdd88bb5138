package org.unaoc.trustfund.web;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.unaoc.trustfund.currency.Money;

/** How the pages write amounts: grouped thousands, the currency's decimals, the currency named. */
public final class Formats {

    public String amount(@Nullable BigDecimal value) {
        if (value == null) {
            return "";
        }
        return grouped(value, Math.max(2, value.scale()));
    }

    private static String grouped(BigDecimal value, int places) {
        DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setMinimumFractionDigits(places);
        format.setMaximumFractionDigits(places);
        return format.format(value);
    }

    /** An amount that arrives as text (from JSON): written as {@link #amount}. */
    public String decimal(@Nullable String value) {
        return value == null || value.isBlank() ? "" : amount(new BigDecimal(value));
    }

    public String usd(@Nullable BigDecimal value) {
        return value == null ? "" : amount(value) + " USD";
    }

    /** An amount stored with more places than its currency has, written with the currency's. */
    public String inCurrency(@Nullable BigDecimal value, @Nullable String currency) {
        if (value == null || currency == null) {
            return amount(value);
        }
        String code = currency.trim();
        return grouped(value.setScale(Money.decimals(code), java.math.RoundingMode.HALF_UP), Money.decimals(code)) + " " + code;
    }

    public String money(@Nullable Money money) {
        return money == null ? "" : inCurrency(money.amount(), money.currency());
    }

    /** A statement cell: amounts written as {@link #amount}, anything else as text. */
    public String cell(@Nullable Object value) {
        return value instanceof BigDecimal decimal ? amount(decimal) : value == null ? "" : value.toString();
    }

    /** The class of a statement cell: numbers right-aligned, negative amounts marked. */
    public String cellClass(@Nullable Object value) {
        return value instanceof BigDecimal decimal && decimal.signum() < 0 ? "num neg" : value instanceof Number ? "num" : "";
    }

    public boolean negative(@Nullable BigDecimal value) {
        return value != null && value.signum() < 0;
    }
}
