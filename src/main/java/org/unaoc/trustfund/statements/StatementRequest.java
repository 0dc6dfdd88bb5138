package org.unaoc.trustfund.statements;

import java.time.LocalDate;
import org.unaoc.trustfund.security.Viewer;
import org.unaoc.trustfund.system.Problem;

/** The period a statement covers (from–to; an as-of statement covers to the date) and who asks. */
public record StatementRequest(LocalDate from, LocalDate to, Viewer viewer) {

    public StatementRequest {
        if (to.isBefore(from)) {
            throw Problem.invalidField("to", to + " is before from " + from);
        }
        if (from.getYear() < 2000 || to.getYear() > 2099) {
            throw Problem.invalid("The books run from 2000 to 2099.");
        }
    }
}
