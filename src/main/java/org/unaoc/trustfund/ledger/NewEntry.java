package org.unaoc.trustfund.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.unaoc.trustfund.system.Problem;

/**
 * A journal entry to post: two or more lines that balance in USD to the cent. Who made it, who
 * approved it (for controlled operations) and which entry it reverses travel with it.
 */
public record NewEntry(LocalDate date, EntryType type, String description, List<NewLine> lines,
                       @Nullable Long reverses, String createdBy, @Nullable String approvedBy,
                       @Nullable Long approval) {

    public NewEntry {
        if (date == null) {
            throw Problem.invalidField("date", "is missing");
        }
        if (description == null || description.isBlank()) {
            throw Problem.invalidField("description", "is missing; say what the entry records");
        }
        if (description.length() > 1000) {
            throw Problem.invalidField("description", "is longer than 1000 characters");
        }
        lines = List.copyOf(lines);
        if (lines.size() < 2) {
            throw new Problem(HttpStatus.UNPROCESSABLE_CONTENT, "unbalanced-entry", "Unbalanced entry",
                    "An entry needs two or more lines; this one has " + lines.size() + ".");
        }
        BigDecimal difference = lines.stream().map(NewLine::usd).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (difference.signum() != 0) {
            throw unbalanced(lines, difference);
        }
    }

    /** The period it is posted in: its month's, or for a year-end close the year's closing period (R22). */
    public int period() {
        return type == EntryType.YEAR_END_CLOSE ? Periods.closingPeriodOf(date.getYear()) : Periods.idOf(date);
    }

    public static NewEntry of(LocalDate date, EntryType type, String description, String createdBy, NewLine... lines) {
        return new NewEntry(date, type, description, List.of(lines), null, createdBy, null, null);
    }

    private static Problem unbalanced(List<NewLine> lines, BigDecimal difference) {
        BigDecimal debits = lines.stream().map(NewLine::usd).filter(a -> a.signum() > 0)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal credits = debits.subtract(difference);
        return new Problem(HttpStatus.UNPROCESSABLE_CONTENT, "unbalanced-entry", "Unbalanced entry",
                "Debits " + debits.toPlainString() + " USD and credits " + credits.toPlainString()
                        + " USD differ by " + difference.abs().toPlainString() + "; an entry must balance in USD to the cent.")
                .with("debits", debits.toPlainString()).with("credits", credits.toPlainString());
    }
}
