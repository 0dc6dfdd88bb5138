package org.unaoc.trustfund.system;

import java.math.BigDecimal;
import org.springframework.http.HttpStatus;

/**
 * The bounds of every decimal the fund takes in, from JSON, forms and files: at most 30 significant
 * digits and a scale from -12 to 12. Money needs far less; the bounds are there so that a number
 * such as {@code 1E+100000000} is refused at once rather than expanded to a hundred million digits.
 */
public final class DecimalLimits {

    public static final int MAX_DIGITS = 30;
    public static final int MAX_SCALE = 12;

    private DecimalLimits() {
    }

    /** The value itself, or a 422 naming the field when it is beyond the bounds. */
    public static BigDecimal checked(BigDecimal value, String field) {
        if (value.precision() > MAX_DIGITS || value.scale() > MAX_SCALE || value.scale() < -MAX_SCALE) {
            throw new OutOfRange(field, value);
        }
        return value;
    }

    /** A decimal beyond the bounds: a 422 naming the field (its whole path, when it came in JSON). */
    static final class OutOfRange extends Problem {
        private final String reason;

        OutOfRange(String field, BigDecimal value) {
            this(field, reason(value));
        }

        private OutOfRange(String field, String reason) {
            super(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-request", "The request is not valid", field + ": " + reason);
            this.reason = reason;
            with("field", field);
        }

        /** The same refusal, named by the field's path in the JSON body ("lines[0].debit"). */
        Problem at(String path) {
            return new OutOfRange(path, reason);
        }

        private static String reason(BigDecimal value) {
            String shown = value.toString();
            return "'" + (shown.length() > 40 ? shown.substring(0, 40) + "…" : shown) + "' is out of range: a number here "
                    + "has at most " + MAX_DIGITS + " digits and at most " + MAX_SCALE + " decimals, and no larger exponent";
        }
    }
}
