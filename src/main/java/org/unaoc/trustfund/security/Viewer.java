package org.unaoc.trustfund.security;

import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.unaoc.trustfund.system.Problem;

/**
 * Who is asking, for object-level checks: the finance office, approvers and auditors see every
 * detail; a co-sponsor sees the whole fund's status (every pledge, every contributor's name) and
 * the details of its own contributor only (its bank accounts, agreements and receipts); a donor
 * sees only its own contributor; report authors and the administrator see aggregates only.
 */
public record Viewer(String username, Set<Role> roles, @Nullable String contributor) {

    private static final Set<Role> SEE_ALL = EnumSet.of(Role.FINANCE_OFFICER, Role.APPROVER, Role.AUDITOR);

    public boolean seesEveryDetail() {
        return roles.stream().anyMatch(SEE_ALL::contains);
    }

    public boolean seesWholeFund() {
        return seesEveryDetail() || roles.contains(Role.CO_SPONSOR);
    }

    /** The contributor a fund-wide list (statuses, pledges, contributors) is limited to, or null for all. */
    public @Nullable String listLimitedTo() {
        return seesWholeFund() ? null : ownOnly();
    }

    /** The contributor a list of details (agreements, receipts) is limited to, or null for all. */
    public @Nullable String detailsLimitedTo() {
        return seesEveryDetail() ? null : ownOnly();
    }

    /** The viewer's own contributor; one that matches nobody when the viewer speaks for none. */
    private String ownOnly() {
        return contributor == null ? "\u0000none" : contributor;
    }

    /** Whether the details of this contributor (bank accounts, agreements, receipts) are the viewer's to see. */
    public boolean seesDetailsOf(@Nullable String owner) {
        return seesEveryDetail() || owner != null && owner.equals(contributor);
    }

    /** Details of another contributor are simply not there for this viewer: 404, never 403. */
    public void requireDetailsOf(@Nullable String owner, String what) {
        if (!seesDetailsOf(owner)) {
            throw Problem.notFound(what);
        }
    }
}
