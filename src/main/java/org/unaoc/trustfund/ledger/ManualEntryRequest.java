package org.unaoc.trustfund.ledger;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.unaoc.trustfund.currency.Money;
import org.unaoc.trustfund.system.Problem;

/** A manual journal entry as the finance officer sends it: USD debits and credits, optional originals. */
public record ManualEntryRequest(@NotNull LocalDate date, @NotBlank @Size(max = 1000) String description,
                                 @NotNull @Size(min = 2, max = 500) List<@Valid @NotNull Line> lines) {

    public record Line(@NotBlank String account, @Nullable BigDecimal debit, @Nullable BigDecimal credit,
                       @Nullable String currency, @Nullable BigDecimal originalAmount, @Nullable BigDecimal rate,
                       @Nullable LocalDate rateDate, @Nullable String contributor, @Nullable Long agreement,
                       @Nullable Integer tranche, @Nullable String component, @Nullable String objectClass) {

        NewLine toNewLine(int index) {
            String where = "lines[" + index + "]";
            if ((debit == null) == (credit == null)) {
                throw Problem.invalidField(where, "give either debit or credit, not both or neither");
            }
            BigDecimal amount = debit != null ? debit : credit;
            if (amount.signum() <= 0) {
                throw Problem.invalidField(where, "the amount must be positive; the side says debit or credit");
            }
            BigDecimal usd = Money.withinScale(amount, 2, where + (debit != null ? ".debit" : ".credit"));
            Money original = null;
            if (currency != null || originalAmount != null) {
                if (currency == null || originalAmount == null) {
                    throw Problem.invalidField(where, "currency and originalAmount go together");
                }
                if (originalAmount.signum() < 0) {
                    throw Problem.invalidField(where + ".originalAmount", "must not be negative; the side says debit or credit");
                }
                original = new Money(originalAmount, currency);
            }
            BigDecimal signed = debit != null ? usd : usd.negate();
            Money signedOriginal = original == null || debit != null ? original : original.negate();
            return new NewLine(account, signed, signedOriginal, rate, rateDate,
                    new Dimensions(contributor, agreement, tranche, component, objectClass));
        }
    }

    NewEntry toNewEntry(String maker, @Nullable String approver, @Nullable Long approval) {
        List<NewLine> newLines = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            newLines.add(lines.get(i).toNewLine(i));
        }
        return new NewEntry(date, EntryType.MANUAL, description, newLines, null, maker, approver, approval);
    }
}
