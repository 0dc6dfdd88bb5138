package org.unaoc.trustfund.approvals;

import java.security.Principal;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.unaoc.trustfund.system.IdempotencyKeyRequired;

@RestController
@RequestMapping("/api/approvals")
class ApprovalController {

    private final Approvals approvals;

    ApprovalController(Approvals approvals) {
        this.approvals = approvals;
    }

    record Rejection(@Nullable String reason) {
    }

    /** The queue; by default what waits for a decision. {@code status=ALL} lists every request. */
    @GetMapping
    List<Approvals.Approval> list(@RequestParam(defaultValue = Approvals.PENDING) String status) {
        return approvals.list("ALL".equals(status) ? null : ApprovalStatus.check(status));
    }

    @GetMapping("/{id}")
    Approvals.Approval get(@PathVariable long id) {
        return approvals.get(id);
    }

    @PostMapping("/{id}/approval")
    @IdempotencyKeyRequired
    Approvals.Approval approve(@PathVariable long id, Principal user) {
        return approvals.approve(id, user.getName());
    }

    @PostMapping("/{id}/rejection")
    @IdempotencyKeyRequired
    Approvals.Approval reject(@PathVariable long id, @RequestBody Rejection rejection, Principal user) {
        return approvals.reject(id, user.getName(), rejection.reason());
    }
}
