package org.unaoc.trustfund.approvals;

import java.util.Set;
import org.unaoc.trustfund.system.Problem;

final class ApprovalStatus {

    private static final Set<String> KNOWN = Set.of(Approvals.PENDING, "APPROVED", "REJECTED");

    private ApprovalStatus() {
    }

    static String check(String status) {
        if (!KNOWN.contains(status)) {
            throw Problem.invalidField("status", "'" + status + "' is not one of " + KNOWN + " or ALL");
        }
        return status;
    }
}
