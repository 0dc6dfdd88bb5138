package org.unaoc.trustfund.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Per account: the balance at the start, the debits and credits of the period, and the balance
 * at the end, each balance on its side. Totals of debit and credit columns are equal.
 */
public record TrialBalance(LocalDate from, LocalDate to, boolean provisional, List<Row> accounts, Row totals) {

    public record Row(String code, String name, String type, BigDecimal openingDebit, BigDecimal openingCredit,
                      BigDecimal debits, BigDecimal credits, BigDecimal closingDebit, BigDecimal closingCredit) {

        String canonical() {
            return String.join("|", code, openingDebit.toPlainString(), openingCredit.toPlainString(),
                    debits.toPlainString(), credits.toPlainString(), closingDebit.toPlainString(),
                    closingCredit.toPlainString());
        }
    }

    /** SHA-256 of the figures, stored when a period closes: the same books give the same hash forever. */
    public String hash() {
        StringBuilder text = new StringBuilder(from + ".." + to + "\n");
        accounts.forEach(row -> text.append(row.canonical()).append('\n'));
        return org.unaoc.trustfund.system.Sha256.of(text.toString());
    }
}
