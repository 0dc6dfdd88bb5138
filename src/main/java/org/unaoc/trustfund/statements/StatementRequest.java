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
