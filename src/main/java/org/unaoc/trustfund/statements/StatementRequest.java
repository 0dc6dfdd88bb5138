package org.unaoc.trustfund.statements;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.unaoc.trustfund.security.Viewer;
import org.unaoc.trustfund.system.Problem;

/** The period a statement covers (from–to; an as-of statement covers to the date), who asks, and a breakdown asked for. */
public record StatementRequest(LocalDate from, LocalDate to, Viewer viewer, @Nullable String by) {

    public StatementRequest(LocalDate from, LocalDate to, Viewer viewer) {
        this(from, to, viewer, null);
    }

    /** The first day the books hold. */
    public static final LocalDate BOOKS_BEGIN = LocalDate.of(2000, 1, 1);

    /**
     * The comparative period (IPSAS 1): as long as this one and ending the day before it begins, in
     * whole years when this one is whole years, in whole months when it is whole months; null when it
     * would begin before the books do.
     */
    public @Nullable StatementRequest prior() {
        LocalDate end = from.minusDays(1);
        LocalDate start;
        if (from.getDayOfYear() == 1 && to.plusDays(1).getDayOfYear() == 1) {
            start = from.minusYears(to.getYear() - from.getYear() + 1);
        } else if (from.getDayOfMonth() == 1 && to.plusDays(1).getDayOfMonth() == 1) {
            start = from.minusMonths(java.time.temporal.ChronoUnit.MONTHS.between(from, to.plusDays(1)));
        } else {
            start = from.minusDays(java.time.temporal.ChronoUnit.DAYS.between(from, to) + 1);
        }
        return start.isBefore(BOOKS_BEGIN) ? null : new StatementRequest(start, end, viewer, by);
    }

    public StatementRequest {
        if (by != null && !by.equals("contributor")) {
            throw Problem.invalidField("by", "'" + by + "' is not a breakdown; by=contributor is the one there is");
        }
        if (to.isBefore(from)) {
            throw Problem.invalidField("to", to + " is before from " + from);
        }
        if (from.getYear() < 2000 || to.getYear() > 2099) {
            throw Problem.invalid("The books run from 2000 to 2099.");
        }
    }
}
