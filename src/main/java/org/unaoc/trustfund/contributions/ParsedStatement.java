package org.unaoc.trustfund.contributions;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A bank statement as read from camt.053 or CSV, before anything is booked. */
record ParsedStatement(String format, @Nullable String accountIban, String currency, String reference,
                       BigDecimal opening, BigDecimal closing, @Nullable LocalDate from, @Nullable LocalDate to,
                       List<Line> lines) {

    /** One statement entry: credits positive, debits negative; only booked ones count. */
    record Line(int number, BigDecimal amount, String currency, boolean booked, LocalDate bookedOn,
                @Nullable String reference, @Nullable String payerName, @Nullable String payerIban,
                @Nullable String remittance) {

        boolean isBookedCredit() {
            return booked && amount.signum() > 0;
        }
    }
}
